package dev.parakeet.jit.engine.calc;

/**
 * What a lifter can do for reps, from the 1RM (Brzycki: a load of 1RM × (37 − reps) ÷ 36 can be
 * lifted {@code reps} times). It is the ceiling of every working set (SPEC §4 rule 4): a set
 * heavier than that is not a training set but a failed one. Brzycki is the usual choice for the
 * low rep counts of strength work (it is exact at one rep and linear to about ten).
 */
public final class RepMax {

  private static final int BRZYCKI_CONSTANT = 37;
  private static final double BRZYCKI_DIVISOR = 36.0;

  private RepMax() {}

  /** The heaviest load the lifter can move {@code reps} times; one rep is the 1RM itself. */
  public static double heaviestFor(int reps, double oneRmKg) {
    return oneRmKg * (BRZYCKI_CONSTANT - reps) / BRZYCKI_DIVISOR;
  }

  /** The most reps the lifter can do with {@code weightKg} (at least one). */
  public static int mostRepsAt(double weightKg, double oneRmKg) {
    double reps = BRZYCKI_CONSTANT - BRZYCKI_DIVISOR * weightKg / oneRmKg;
    return Math.max(1, (int) Math.floor(reps + WeightRounding.EPSILON));
  }
}

package dev.parakeet.jit.engine.session;

import dev.parakeet.jit.engine.model.Weights;

/** The few recurring phrases of rationales and warnings, so they read the same everywhere. */
public final class Phrases {

  private Phrases() {}

  /** {@code "2×5 @ 112.5 kg"}. */
  public static String sets(int count, int reps, double weightKg) {
    return count + "×" + reps + " @ " + kg(weightKg);
  }

  /** {@code "112.5 kg"}. */
  public static String kg(double weightKg) {
    return Weights.format(weightKg) + " kg";
  }

  /** {@code "× 0.95"}. */
  public static String times(double multiplier) {
    return "× " + Weights.format(multiplier);
  }

  /** {@code "2"}, {@code "7.5"}: a number as people write it. */
  public static String number(double value) {
    return Weights.format(value);
  }

  /** {@code "90 %"} for 0.90. */
  public static String percent(double fraction) {
    return Weights.format(fraction * 100) + " %";
  }

  /** {@code "1 set"}, {@code "2 sets"}. */
  public static String setCount(int count) {
    return count == 1 ? "1 set" : count + " sets";
  }
}

package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The muscles a lift trains and how much one set counts toward each (SPEC §2.4).
 *
 * <p>{@link #primary} drives soreness and the MRV cap. {@link #credited} adds the secondary
 * muscles that weekly volume counting credits (squat → hamstrings 0.5); MRV projections for
 * auxiliary work use the credited table so that a projection counts today's sets the way next
 * week's volume count will.
 */
public final class LiftMuscles {

  /** One muscle's share of a set of a lift. */
  public record Contribution(Muscle muscle, double perSet) {}

  private static final Map<Lift, List<Contribution>> PRIMARY = new EnumMap<>(Lift.class);
  private static final Map<Lift, List<Contribution>> CREDITED = new EnumMap<>(Lift.class);
  private static final Map<Lift, List<Muscle>> PRIMARY_MUSCLES = new EnumMap<>(Lift.class);
  private static final double[][] CREDIT_PER_SET =
      new double[Lift.values().length][Muscle.values().length];
  private static final double[][] PRIMARY_PER_SET =
      new double[Lift.values().length][Muscle.values().length];

  static {
    PRIMARY.put(
        Lift.SQUAT,
        List.of(
            new Contribution(Muscle.QUADS, 1.0),
            new Contribution(Muscle.GLUTES, 1.0),
            new Contribution(Muscle.LOWER_BACK, 0.5)));
    PRIMARY.put(
        Lift.BENCH,
        List.of(
            new Contribution(Muscle.CHEST, 1.0),
            new Contribution(Muscle.TRICEPS, 0.5),
            new Contribution(Muscle.SHOULDERS, 0.5)));
    PRIMARY.put(
        Lift.DEADLIFT,
        List.of(
            new Contribution(Muscle.HAMSTRINGS, 1.0),
            new Contribution(Muscle.GLUTES, 1.0),
            new Contribution(Muscle.LOWER_BACK, 1.0),
            new Contribution(Muscle.UPPER_BACK, 0.5)));
    for (Lift lift : Lift.values()) {
      CREDITED.put(lift, PRIMARY.get(lift));
      PRIMARY_MUSCLES.put(lift, PRIMARY.get(lift).stream().map(Contribution::muscle).toList());
    }
    CREDITED.put(
        Lift.SQUAT,
        List.of(
            new Contribution(Muscle.QUADS, 1.0),
            new Contribution(Muscle.GLUTES, 1.0),
            new Contribution(Muscle.LOWER_BACK, 0.5),
            new Contribution(Muscle.HAMSTRINGS, 0.5)));
    PRIMARY.forEach(
        (lift, contributions) ->
            contributions.forEach(
                c -> PRIMARY_PER_SET[lift.ordinal()][c.muscle().ordinal()] = c.perSet()));
    CREDITED.forEach(
        (lift, contributions) ->
            contributions.forEach(
                c -> CREDIT_PER_SET[lift.ordinal()][c.muscle().ordinal()] = c.perSet()));
  }

  private LiftMuscles() {}

  /** The primary muscles of {@code lift}, in the order of SPEC §2.4. */
  public static List<Contribution> primary(Lift lift) {
    return PRIMARY.get(lift);
  }

  /** The primary muscles of {@code lift} without their contributions. */
  public static List<Muscle> primaryMuscles(Lift lift) {
    return PRIMARY_MUSCLES.get(lift);
  }

  /** Primary and secondary muscles, as weekly volume counting credits them. */
  public static List<Contribution> credited(Lift lift) {
    return CREDITED.get(lift);
  }

  /** Whether {@code muscle} is one of {@code lift}'s primary muscles. */
  public static boolean isPrimary(Lift lift, Muscle muscle) {
    return PRIMARY_PER_SET[lift.ordinal()][muscle.ordinal()] > 0;
  }

  /** How much one set of {@code lift} counts toward {@code muscle}; 0 when it does not. */
  public static double creditPerSet(Lift lift, Muscle muscle) {
    return CREDIT_PER_SET[lift.ordinal()][muscle.ordinal()];
  }
}

package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.PlannedSet;
import java.util.List;

/**
 * Where every auxiliary exercise starts before adjustments (SPEC §2.8): 3×10 at 67.5 % of the
 * main lift's 1RM, RPE 7.5; on a deload, 2 sets at half that weight.
 */
public record AuxiliaryPrescription(int sets, double weightKg) {

  public static final int REPS = 10;
  public static final double RPE = 7.5;
  static final double PCT_OF_ONE_RM = 0.675;
  static final int SETS = 3;
  static final int DELOAD_SETS = 2;
  static final double DELOAD_FRACTION = 0.5;

  /** The sets a reduced exercise keeps (soreness 3–4, or a model's {@code reduce}). */
  public static final int REDUCED_SETS = 2;

  public static AuxiliaryPrescription start(double oneRmKg, boolean deload, double increment) {
    double weight = WeightRounding.round(PCT_OF_ONE_RM * oneRmKg, increment);
    return deload
        ? new AuxiliaryPrescription(DELOAD_SETS, WeightRounding.round(weight * DELOAD_FRACTION, increment))
        : new AuxiliaryPrescription(SETS, weight);
  }

  /** {@code count} sets of 10 at {@code weightKg}, RPE 7.5, numbered from 1. */
  public static List<PlannedSet> sets(int count, double weightKg) {
    PlannedSet[] sets = new PlannedSet[count];
    for (int i = 0; i < count; i++) {
      sets[i] = new PlannedSet(i + 1, weightKg, REPS, RPE, null);
    }
    return List.of(sets);
  }
}

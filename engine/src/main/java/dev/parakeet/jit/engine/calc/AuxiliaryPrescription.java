package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.PlannedSet;
import java.util.List;

/**
 * Where an auxiliary exercise starts before any adjustment (SPEC §2.8 steps 2–3): 3 sets of the
 * catalogue's reps at round(load × 1RM), RPE 7.5; on a deload, 2 sets at half that weight. A
 * bodyweight exercise weighs 0 kg, and 0 stays 0 through every multiplier.
 */
public record AuxiliaryPrescription(int sets, int reps, double weightKg) {

  /** Auxiliary work is volume, not a test: a couple of reps in reserve. */
  public static final double RPE = 7.5;

  public static final int SETS = 3;

  /** A deload halves the auxiliary work's load and drops a set, as it lightens the main lift. */
  public static final int DELOAD_SETS = 2;

  public static final double DELOAD_FRACTION = 0.5;

  /** The sets a reduced exercise keeps (soreness 3–4, a moderate disruption, a model's {@code reduce}). */
  public static final int REDUCED_SETS = 2;

  /**
   * @param oneRmKg the 1RM of the lift {@code exercise} is loaded from (ignored for bodyweight)
   */
  public static AuxiliaryPrescription start(
      AuxiliaryExercise exercise, double oneRmKg, boolean deload, double increment) {
    double weight = exercise.bodyweight() ? 0 : WeightRounding.round(exercise.load() * oneRmKg, increment);
    return deload
        ? new AuxiliaryPrescription(
            DELOAD_SETS, exercise.reps(), WeightRounding.round(weight * DELOAD_FRACTION, increment))
        : new AuxiliaryPrescription(SETS, exercise.reps(), weight);
  }

  /** At most {@code count} sets. */
  public AuxiliaryPrescription atMost(int count) {
    return count >= sets ? this : new AuxiliaryPrescription(count, reps, weightKg);
  }

  /** The weight × {@code multiplier}, rounded to the increment. */
  public AuxiliaryPrescription times(double multiplier, double increment) {
    return multiplier == 1.0
        ? this
        : new AuxiliaryPrescription(sets, reps, WeightRounding.round(weightKg * multiplier, increment));
  }

  /** Whether {@code planned} are exactly {@link #toSets()}: same count, reps and weight at RPE 7.5. */
  public boolean describes(List<PlannedSet> planned) {
    if (planned.size() != sets) {
      return false;
    }
    for (int i = 0; i < planned.size(); i++) {
      PlannedSet set = planned.get(i);
      if (set.setNumber() != i + 1 || set.reps() != reps || set.weightKg() != weightKg
          || set.rpeTarget() != RPE || set.repsRange() != null) {
        return false;
      }
    }
    return true;
  }

  /** The planned sets, numbered from 1, at RPE 7.5. */
  public List<PlannedSet> toSets() {
    PlannedSet[] planned = new PlannedSet[sets];
    for (int i = 0; i < sets; i++) {
      planned[i] = new PlannedSet(i + 1, weightKg, reps, RPE, null);
    }
    return List.of(planned);
  }
}

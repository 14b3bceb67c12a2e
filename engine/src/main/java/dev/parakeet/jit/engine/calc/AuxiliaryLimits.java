package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.ArrayList;
import java.util.List;

/**
 * The measurements behind the auxiliary rule of the hard constraints (SPEC §4 rule 6): which
 * muscle is too sore to train, whether an exercise works a muscle of the injured lift, and how
 * many sets still fit under every muscle's MRV once today's main sets and the auxiliary work kept
 * before it are counted.
 */
public final class AuxiliaryLimits {

  private AuxiliaryLimits() {}

  /** The first of {@code muscles} rated 5 (should not train), or {@code null}. */
  public static Muscle severelySore(List<Muscle> muscles, MuscleRatings ratings) {
    for (int i = 0; i < muscles.size(); i++) {
      Muscle muscle = muscles.get(i);
      if (ratings.level(muscle) >= MuscleRatings.SEVERE) {
        return muscle;
      }
    }
    return null;
  }

  /** Those of {@code muscles} that are primary muscles of {@code lift}, in their order; often none. */
  public static List<Muscle> sharedWith(Lift lift, List<Muscle> muscles) {
    List<Muscle> shared = List.of();
    for (int i = 0; i < muscles.size(); i++) {
      Muscle muscle = muscles.get(i);
      if (LiftMuscles.isPrimary(lift, muscle)) {
        if (shared.isEmpty()) {
          shared = new ArrayList<>(muscles.size());
        }
        shared.add(muscle);
      }
    }
    return shared;
  }

  /**
   * How many sets of an exercise training {@code muscles} still fit: for each muscle, floor(mrv −
   * (weekly + main sets × the lift's credit + auxiliary sets already kept)); the tightest muscle
   * decides.
   *
   * @param keptAuxiliarySets sets of auxiliary work kept so far today, indexed by muscle ordinal
   */
  public static MrvRoom mrvRoom(
      List<Muscle> muscles,
      Lift lift,
      int mainWorkingSets,
      double[] keptAuxiliarySets,
      WeeklyVolume weekly,
      MuscleLandmarks landmarks) {
    Muscle tightest = null;
    double least = Double.POSITIVE_INFINITY;
    for (int i = 0; i < muscles.size(); i++) {
      Muscle muscle = muscles.get(i);
      double projected =
          weekly.sets(muscle)
              + mainWorkingSets * LiftMuscles.creditPerSet(lift, muscle)
              + keptAuxiliarySets[muscle.ordinal()];
      double room = landmarks.mrv(muscle) - projected;
      if (room < least) {
        least = room;
        tightest = muscle;
      }
    }
    int sets = least < 1 - WeightRounding.EPSILON ? 0 : (int) Math.floor(least + WeightRounding.EPSILON);
    return new MrvRoom(tightest, sets);
  }

  /** The room left for an exercise: {@code maxSets} 0 means skip it, naming {@code muscle}. */
  public record MrvRoom(Muscle muscle, int maxSets) {
    public boolean exhausted() {
      return maxSets < 1;
    }
  }
}

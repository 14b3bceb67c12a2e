package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.List;

/**
 * The two auxiliary rules that no strategy may break (SPEC §2.8 steps 2–3, §4 rule 6): a muscle
 * rated 5 is not trained, and no muscle is pushed past its MRV. The formula applies them while
 * building auxiliary work; the hard-constraint layer applies them again to every strategy's output.
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

  /**
   * How many auxiliary sets fit under the MRV of every muscle the exercise trains, once today's
   * main working sets are counted: floor(mrv − (weekly + main sets × the lift's credit)).
   */
  public static MrvRoom mrvRoom(
      List<Muscle> muscles,
      Lift lift,
      int mainWorkingSets,
      WeeklyVolume weekly,
      MuscleLandmarks landmarks) {
    Muscle tightest = null;
    double least = Double.POSITIVE_INFINITY;
    for (int i = 0; i < muscles.size(); i++) {
      Muscle muscle = muscles.get(i);
      double projected = weekly.sets(muscle) + mainWorkingSets * LiftMuscles.creditPerSet(lift, muscle);
      double room = landmarks.mrv(muscle) - projected;
      if (room < least) {
        least = room;
        tightest = muscle;
      }
    }
    int sets = least < 1 ? 0 : (int) Math.floor(least + WeightRounding.EPSILON);
    return new MrvRoom(tightest, sets);
  }

  /** The room left for an exercise: {@code maxSets} 0 means skip it, naming {@code muscle}. */
  public record MrvRoom(Muscle muscle, int maxSets) {
    public boolean exhausted() {
      return maxSets < 1;
    }
  }
}

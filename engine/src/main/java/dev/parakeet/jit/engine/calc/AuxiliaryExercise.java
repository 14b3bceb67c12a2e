package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.List;

/**
 * One row of the exercise catalogue (SPEC §2.8): what an auxiliary exercise trains and how it is
 * loaded before any adjustment.
 *
 * @param name the catalogue's spelling
 * @param muscles what it trains, for soreness, MRV and injury checks
 * @param loadedFrom the lift whose 1RM it is loaded from; {@code null} for a bodyweight exercise
 * @param load the fraction of that 1RM; 0 for a bodyweight exercise
 * @param reps the rep target of every set
 * @param why the coaching reason behind the numbers, in a few words
 */
public record AuxiliaryExercise(
    String name, List<Muscle> muscles, Lift loadedFrom, double load, int reps, String why) {

  public AuxiliaryExercise {
    muscles = List.copyOf(muscles);
    if (muscles.isEmpty()) {
      throw new IllegalArgumentException(name + " trains no muscle");
    }
    if ((loadedFrom == null) != (load == 0)) {
      throw new IllegalArgumentException(name + ": a bodyweight exercise has no load, a loaded one has");
    }
  }

  /** A bodyweight exercise: its sets weigh 0 kg (the lifter's own weight), whatever the multipliers. */
  public boolean bodyweight() {
    return loadedFrom == null;
  }
}

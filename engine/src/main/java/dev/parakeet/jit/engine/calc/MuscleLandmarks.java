package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.Landmark;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.Map;

/**
 * Resolved MEV/MRV per muscle, indexed by {@link Muscle} ordinal. The MRV checks run several
 * times per exercise in every generation; plain {@code int}s spare them a map lookup and an
 * unboxing each time.
 */
public final class MuscleLandmarks {

  private final int[] mev;
  private final int[] mrv;

  private MuscleLandmarks(int[] mev, int[] mrv) {
    this.mev = mev;
    this.mrv = mrv;
  }

  /** {@code landmarks} must name every muscle, as a resolved table does. */
  public static MuscleLandmarks of(Map<Muscle, Landmark> landmarks) {
    int[] mev = new int[Muscle.values().length];
    int[] mrv = new int[mev.length];
    for (Muscle muscle : Muscle.values()) {
      Landmark landmark = landmarks.get(muscle);
      mev[muscle.ordinal()] = landmark.mev();
      mrv[muscle.ordinal()] = landmark.mrv();
    }
    return new MuscleLandmarks(mev, mrv);
  }

  public int mev(Muscle muscle) {
    return mev[muscle.ordinal()];
  }

  public int mrv(Muscle muscle) {
    return mrv[muscle.ordinal()];
  }
}

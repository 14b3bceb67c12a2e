package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code computeWeeklyVolume} (SPEC §2.4): hard sets per muscle from the week's logged sets,
 * Σ sets × contribution (secondary muscles included), floored per muscle.
 */
public final class WeeklyVolumeCalculator {

  /** Sets of one lift logged this week. */
  public record LoggedSets(Lift lift, int sets) {
    public LoggedSets {
      if (sets < 0) {
        throw new IllegalArgumentException("sets must be ≥ 0, was " + sets);
      }
    }
  }

  private WeeklyVolumeCalculator() {}

  /** Muscles that received no credit are absent from the result (they count as 0). */
  public static Map<Muscle, Integer> compute(List<LoggedSets> logged) {
    double[] sums = new double[Muscle.values().length];
    boolean[] credited = new boolean[sums.length];
    for (LoggedSets entry : logged) {
      for (LiftMuscles.Contribution c : LiftMuscles.credited(entry.lift())) {
        sums[c.muscle().ordinal()] += entry.sets() * c.perSet();
        credited[c.muscle().ordinal()] = true;
      }
    }
    EnumMap<Muscle, Integer> volume = new EnumMap<>(Muscle.class);
    for (Muscle muscle : Muscle.values()) {
      if (credited[muscle.ordinal()]) {
        volume.put(muscle, (int) Math.floor(sums[muscle.ordinal()] + WeightRounding.EPSILON));
      }
    }
    return Collections.unmodifiableMap(volume);
  }
}

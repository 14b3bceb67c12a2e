package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.Muscle;
import java.util.Map;

/** Hard sets already done this week per muscle; a muscle not reported counts as 0. */
public final class WeeklyVolume {

  private final double[] sets;

  private WeeklyVolume(double[] sets) {
    this.sets = sets;
  }

  public static WeeklyVolume of(Map<Muscle, Double> weekly) {
    double[] sets = new double[Muscle.values().length];
    if (weekly != null) {
      for (Map.Entry<Muscle, Double> entry : weekly.entrySet()) {
        sets[entry.getKey().ordinal()] = entry.getValue();
      }
    }
    return new WeeklyVolume(sets);
  }

  public double sets(Muscle muscle) {
    return sets[muscle.ordinal()];
  }
}

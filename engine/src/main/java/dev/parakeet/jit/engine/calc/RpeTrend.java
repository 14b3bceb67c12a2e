package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.RecentLog;
import java.util.List;

/**
 * Recent effort against target (SPEC §3, P5): the mean of actual − target over the two most recent
 * logs that carry an actual RPE. Fewer than two such logs is no signal.
 */
public record RpeTrend(Direction direction, double meanDeviation) {

  /** What the trend asks of today's load. */
  public enum Direction {
    /** Sessions felt harder than planned: lighten. */
    ABOVE_TARGET(0.975),
    /** Within a point of target. */
    ON_TARGET(1.0),
    /** Sessions felt easier than planned: load up a little. */
    BELOW_TARGET(1.025);

    private final double multiplier;

    Direction(double multiplier) {
      this.multiplier = multiplier;
    }

    public double multiplier() {
      return multiplier;
    }
  }

  static final int LOGS_NEEDED = 2;
  static final double THRESHOLD = 1.0;
  private static final RpeTrend NONE = new RpeTrend(Direction.ON_TARGET, 0.0);

  /** @param logs newest first; null means none */
  public static RpeTrend of(List<RecentLog> logs) {
    if (logs == null) {
      return NONE;
    }
    double sum = 0;
    int counted = 0;
    for (RecentLog log : logs) {
      if (log.actualRpe() != null) {
        sum += log.actualRpe() - log.targetRpe();
        if (++counted == LOGS_NEEDED) {
          break;
        }
      }
    }
    if (counted < LOGS_NEEDED) {
      return NONE;
    }
    double mean = sum / LOGS_NEEDED;
    // RPEs are decimal halves; the epsilon keeps 9.3 − 8.3 (0.9999…) on the right side of 1.0.
    if (mean >= THRESHOLD - WeightRounding.EPSILON) {
      return new RpeTrend(Direction.ABOVE_TARGET, mean);
    }
    if (mean <= -THRESHOLD + WeightRounding.EPSILON) {
      return new RpeTrend(Direction.BELOW_TARGET, mean);
    }
    return new RpeTrend(Direction.ON_TARGET, mean);
  }

  public boolean isSignal() {
    return direction != Direction.ON_TARGET;
  }
}

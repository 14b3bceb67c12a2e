package dev.parakeet.jit.engine.strategy.formula;

import dev.parakeet.jit.engine.model.DisruptionType;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The formula's answer to an active, non-major disruption (SPEC §3, P3): fewer sets for a
 * moderate one, a load multiplier by type and severity, fewer reps when ill. With several
 * disruptions the lowest multiplier and the worst severity apply.
 */
final class DisruptionProtocol {

  /** What the protocol does to today's main lift. */
  record Effect(Severity severity, int sets, double multiplier, int repsReduction) {}

  static final int ILLNESS_REPS_REDUCTION = 2;

  /** Multipliers indexed {minor, moderate}. */
  private static final Map<DisruptionType, double[]> MULTIPLIERS = new EnumMap<>(DisruptionType.class);

  static {
    MULTIPLIERS.put(DisruptionType.INJURY, new double[] {0.80, 0.60});
    MULTIPLIERS.put(DisruptionType.ILLNESS, new double[] {1.00, 0.75});
    MULTIPLIERS.put(DisruptionType.TRAVEL, new double[] {0.70, 0.70});
    MULTIPLIERS.put(DisruptionType.FATIGUE, new double[] {0.90, 0.80});
    MULTIPLIERS.put(DisruptionType.EQUIPMENT_UNAVAILABLE, new double[] {1.00, 1.00});
    MULTIPLIERS.put(DisruptionType.UNPROGRAMMED_EVENT, new double[] {1.00, 0.90});
    MULTIPLIERS.put(DisruptionType.OTHER, new double[] {1.00, 0.90});
  }

  private DisruptionProtocol() {}

  /**
   * @param disruptions the relevant disruptions, none of them major, at least one
   * @param baseSets the base set count
   */
  static Effect effect(List<TrainingDisruption> disruptions, int baseSets) {
    Severity worst = Severity.MINOR;
    double multiplier = 1.0;
    int repsReduction = 0;
    for (TrainingDisruption disruption : disruptions) {
      if (disruption.severity().compareTo(worst) > 0) {
        worst = disruption.severity();
      }
      multiplier = Math.min(multiplier, multiplier(disruption));
      if (disruption.disruptionType() == DisruptionType.ILLNESS) {
        repsReduction = ILLNESS_REPS_REDUCTION;
      }
    }
    int sets = worst == Severity.MODERATE ? (baseSets + 1) / 2 : baseSets;
    return new Effect(worst, sets, multiplier, repsReduction);
  }

  static double multiplier(TrainingDisruption disruption) {
    double[] bySeverity = MULTIPLIERS.get(disruption.disruptionType());
    return disruption.severity() == Severity.MINOR ? bySeverity[0] : bySeverity[1];
  }
}

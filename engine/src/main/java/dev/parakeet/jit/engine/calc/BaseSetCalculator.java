package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.RepsRange;
import dev.parakeet.jit.engine.model.config.DeloadScheme;
import dev.parakeet.jit.engine.model.config.FixedScheme;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import dev.parakeet.jit.engine.model.config.RangeScheme;
import java.util.List;

/** {@code calculateSets} of SPEC §2.3: the programmed sets for a block and intensity. */
public final class BaseSetCalculator {

  private BaseSetCalculator() {}

  /**
   * @param config a complete (merged) configuration
   * @param blockNumber 1..3; ignored on a deload
   */
  public static BaseSets calculate(
      FormulaConfig config, int blockNumber, IntensityType intensity, double oneRmKg) {
    double increment = config.roundingIncrementKg();
    return switch (intensity) {
      case DELOAD -> deload(config.deload(), oneRmKg, increment);
      case HEAVY -> fixed(config.block(blockNumber).heavy(), oneRmKg, increment);
      case EXPLOSIVE -> fixed(config.block(blockNumber).explosive(), oneRmKg, increment);
      case REP -> ranged(config.block(blockNumber).rep(), oneRmKg, increment);
    };
  }

  private static BaseSets fixed(FixedScheme scheme, double oneRmKg, double increment) {
    double weight = WeightRounding.round(scheme.pct() * oneRmKg, increment);
    Integer repsMax = scheme.repsMax();
    RepsRange range =
        repsMax != null && repsMax > scheme.reps() ? new RepsRange(scheme.reps(), repsMax) : null;
    return identical(scheme.sets(), weight, scheme.reps(), scheme.rpeTarget(), range);
  }

  private static BaseSets ranged(RangeScheme scheme, double oneRmKg, double increment) {
    double weight = WeightRounding.round(scheme.pct() * oneRmKg, increment);
    int sets = (int) Math.round((scheme.setsMin() + scheme.setsMax()) / 2.0);
    RepsRange range = new RepsRange(scheme.repsMin(), scheme.repsMax());
    return identical(sets, weight, scheme.repsMin(), scheme.rpeTarget(), range);
  }

  private static BaseSets deload(DeloadScheme scheme, double oneRmKg, double increment) {
    double weight = WeightRounding.round(scheme.pct() * oneRmKg, increment);
    return identical(scheme.sets(), weight, scheme.reps(), scheme.rpeTarget(), null);
  }

  private static BaseSets identical(
      int count, double weight, int reps, double rpeTarget, RepsRange range) {
    PlannedSet[] sets = new PlannedSet[count];
    for (int i = 0; i < count; i++) {
      sets[i] = new PlannedSet(i + 1, weight, reps, rpeTarget, range);
    }
    return new BaseSets(List.of(sets), weight);
  }
}

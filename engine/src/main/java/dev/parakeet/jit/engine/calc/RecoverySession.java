package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.Weights;
import java.util.List;

/** The session for a lifter too sore to train hard (SPEC §2.6): 3×5 at 40 %, RPE 5. */
public final class RecoverySession {

  public static final double INTENSITY = 0.40;
  public static final int SETS = 3;
  public static final int REPS = 5;
  public static final double RPE = 5.0;

  private RecoverySession() {}

  public static double weight(BaseSets base, double increment) {
    return Math.max(Weights.BAR_KG, WeightRounding.round(INTENSITY * base.weightKg(), increment));
  }

  public static List<PlannedSet> sets(BaseSets base, double increment) {
    double weight = weight(base, increment);
    PlannedSet[] sets = new PlannedSet[SETS];
    for (int i = 0; i < SETS; i++) {
      sets[i] = new PlannedSet(i + 1, weight, REPS, RPE, null);
    }
    return List.of(sets);
  }
}

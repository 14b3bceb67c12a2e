package dev.parakeet.jit.engine.strategy.hybrid;

import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitOutput;

/** How far a model's session is from the formula's, and whether a lifter should hear of it (SPEC §6). */
public final class DivergenceCalculator {

  /** Up to this relative weight difference (with equal sets) the two agree. */
  public static final double AGREEMENT_PCT = 0.10;

  /** Beyond this relative weight difference the lifter is told. */
  public static final double SURFACE_PCT = 0.15;

  private DivergenceCalculator() {}

  /**
   * Compares first working sets: |llm − formula| ÷ formula weight (0 when the formula has no
   * sets; a skipped model lift weighs 0), and the difference in set count.
   */
  public static Divergence between(JitOutput formula, JitOutput llm) {
    double formulaWeight = firstWeight(formula);
    double llmWeight = firstWeight(llm);
    double weightPct = formulaWeight == 0 ? 0 : Math.abs(llmWeight - formulaWeight) / formulaWeight;
    int setDelta = llm.mainLiftSets().size() - formula.mainLiftSets().size();
    String summary = llm.rationale().isEmpty() ? "" : llm.rationale().get(0);
    return new Divergence(weightPct, setDelta, summary);
  }

  /** SPEC §6's agreement band. It is never surfaced, so serving needs only {@link #shouldSurface}. */
  public static boolean agree(Divergence divergence) {
    return divergence.weightPct() <= AGREEMENT_PCT && divergence.setDelta() == 0;
  }

  /** A 10–15 % weight difference with equal sets is logged, not surfaced. */
  public static boolean shouldSurface(Divergence divergence) {
    return divergence.weightPct() > SURFACE_PCT || divergence.setDelta() != 0;
  }

  private static double firstWeight(JitOutput output) {
    return output.mainLiftSets().isEmpty() ? 0 : output.mainLiftSets().get(0).weightKg();
  }
}

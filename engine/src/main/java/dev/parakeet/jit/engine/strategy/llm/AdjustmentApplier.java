package dev.parakeet.jit.engine.strategy.llm;

import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.port.AuxOverride;
import dev.parakeet.jit.engine.port.AuxAction;
import dev.parakeet.jit.engine.calc.AuxiliaryCatalogue;
import dev.parakeet.jit.engine.calc.AuxiliaryPrescription;
import dev.parakeet.jit.engine.calc.BaseSets;
import dev.parakeet.jit.engine.calc.WeightRounding;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.session.SessionDraft;
import java.util.ArrayList;
import java.util.List;

/** Turns a model's adjustment into a proposal over the formula base (SPEC §5.3). */
public final class AdjustmentApplier {

  public static final String SKIP_OVERRIDE = "LLM: skip override";
  static final double REDUCE_MULTIPLIER = 0.90;
  static final int MAX_EXTRA_SETS = 2;

  private AdjustmentApplier() {}

  public static SessionDraft draft(SessionContext context, JitAdjustment adjustment) {
    BaseSets base = context.base();
    boolean skip = adjustment.skipMainLift();
    List<PlannedSet> sets = List.of();
    if (!skip) {
      int count =
          Math.max(1, Math.min(base.count() + MAX_EXTRA_SETS, base.count() + adjustment.setModifier()));
      double weight =
          WeightRounding.round(base.weightKg() * adjustment.intensityModifier(), context.increment());
      sets = base.take(count, weight);
    }
    return new SessionDraft(
        sets,
        skip,
        false,
        skip ? 0 : adjustment.intensityModifier(),
        auxiliary(context, adjustment.auxOverrides()),
        adjustment.rationale(),
        List.of(),
        adjustment.confidence());
  }

  /**
   * Each active exercise from its §2.8 starting prescription (on a deload, the deload start):
   * {@code skip} drops it, {@code reduce} gives 2 sets at 90 % of the start weight, {@code normal}
   * or no mention keeps the start. Unknown names are ignored.
   */
  private static List<AuxiliaryWork> auxiliary(SessionContext context, List<AuxOverride> overrides) {
    AuxiliaryPrescription start = context.auxiliaryStart();
    List<AuxiliaryWork> work = new ArrayList<>();
    for (String exercise : context.activeAuxiliaries()) {
      AuxAction action = actionFor(exercise, overrides);
      work.add(
          switch (action) {
            case SKIP -> AuxiliaryWork.skipped(exercise, SKIP_OVERRIDE);
            case REDUCE ->
                AuxiliaryWork.prescribed(
                    exercise,
                    AuxiliaryPrescription.sets(
                        AuxiliaryPrescription.REDUCED_SETS,
                        WeightRounding.round(start.weightKg() * REDUCE_MULTIPLIER, context.increment())));
            case NORMAL ->
                AuxiliaryWork.prescribed(
                    exercise, AuxiliaryPrescription.sets(start.sets(), start.weightKg()));
          });
    }
    return work;
  }

  private static AuxAction actionFor(String exercise, List<AuxOverride> overrides) {
    String name = AuxiliaryCatalogue.key(exercise);
    for (AuxOverride override : overrides) {
      if (AuxiliaryCatalogue.key(override.exercise()).equals(name)) {
        return override.action();
      }
    }
    return AuxAction.NORMAL;
  }
}

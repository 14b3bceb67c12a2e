package dev.parakeet.jit.engine.strategy.llm;

import dev.parakeet.jit.engine.calc.AuxiliaryCatalogue;
import dev.parakeet.jit.engine.calc.AuxiliaryPrescription;
import dev.parakeet.jit.engine.calc.BaseSets;
import dev.parakeet.jit.engine.calc.WeightRounding;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.port.AuxAction;
import dev.parakeet.jit.engine.port.AuxOverride;
import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.session.AuxiliarySkips;
import dev.parakeet.jit.engine.session.MainLift;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.session.SessionDraft;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a model's adjustment into a proposal over the formula base (SPEC §5.3). The hard
 * constraints, the over-reaction guard first, then decide what the lifter gets.
 */
public final class AdjustmentApplier {

  public static final String SKIP_OVERRIDE = AuxiliarySkips.MODEL_SKIP;

  /** A model's {@code reduce}: the exercise's weight × 0.90, in {@link AuxiliaryPrescription#REDUCED_SETS}. */
  static final double REDUCE_MULTIPLIER = 0.90;

  /** A model may add at most this many sets to the base. */
  static final int MAX_EXTRA_SETS = 2;

  private AdjustmentApplier() {}

  public static SessionDraft draft(SessionContext context, JitAdjustment adjustment) {
    return SessionDraft.byModel(
        mainLift(context, adjustment),
        auxiliary(context, adjustment.auxOverrides()),
        adjustment.rationale(),
        adjustment.confidence());
  }

  private static MainLift mainLift(SessionContext context, JitAdjustment adjustment) {
    if (adjustment.skipMainLift()) {
      return new MainLift.Skipped(MainLift.Cause.PROPOSED_BY_MODEL);
    }
    BaseSets base = context.base();
    int count =
        Math.max(1, Math.min(base.count() + MAX_EXTRA_SETS, base.count() + adjustment.setModifier()));
    double weight =
        WeightRounding.round(base.weightKg() * adjustment.intensityModifier(), context.increment());
    return new MainLift.Planned(base.take(count, weight), adjustment.intensityModifier());
  }

  /**
   * Each active exercise from its catalogue start (SPEC §2.8 steps 2–3; on a deload, the deload
   * start): {@code skip} drops it, {@code reduce} gives 2 sets at 90 % of the start weight, {@code
   * normal} or no mention keeps the start. Override names match as catalogue names do; unknown
   * names are ignored.
   */
  private static List<AuxiliaryWork> auxiliary(SessionContext context, List<AuxOverride> overrides) {
    List<String> exercises = context.activeAuxiliaries();
    List<AuxiliaryWork> work = new ArrayList<>(exercises.size());
    for (String exercise : exercises) {
      AuxiliaryPrescription start =
          context.auxiliaryStart(AuxiliaryCatalogue.lookup(exercise, context.lift()));
      work.add(
          switch (actionFor(exercise, overrides)) {
            case SKIP -> AuxiliaryWork.skipped(exercise, AuxiliarySkips.MODEL_SKIP);
            case REDUCE ->
                AuxiliaryWork.prescribed(
                    exercise,
                    start
                        .atMost(AuxiliaryPrescription.REDUCED_SETS)
                        .times(REDUCE_MULTIPLIER, context.increment())
                        .toSets());
            case NORMAL -> AuxiliaryWork.prescribed(exercise, start.toSets());
          });
    }
    return work;
  }

  /** The first override naming {@code exercise}; {@code normal} when none does. */
  private static AuxAction actionFor(String exercise, List<AuxOverride> overrides) {
    if (overrides.isEmpty()) {
      return AuxAction.NORMAL;
    }
    String name = AuxiliaryCatalogue.key(exercise);
    for (AuxOverride override : overrides) {
      if (AuxiliaryCatalogue.key(override.exercise()).equals(name)) {
        return override.action();
      }
    }
    return AuxAction.NORMAL;
  }
}

package dev.parakeet.jit.engine.strategy.formula;

import dev.parakeet.jit.engine.calc.AuxiliaryPrescription;
import dev.parakeet.jit.engine.calc.BaseSets;
import dev.parakeet.jit.engine.calc.RecoverySession;
import dev.parakeet.jit.engine.calc.RpeTrend;
import dev.parakeet.jit.engine.calc.SorenessModifier;
import dev.parakeet.jit.engine.calc.WeightRounding;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.RepsRange;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import dev.parakeet.jit.engine.model.Weights;
import dev.parakeet.jit.engine.session.AuxiliarySkips;
import dev.parakeet.jit.engine.session.MainLift;
import dev.parakeet.jit.engine.session.Phrases;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.session.SessionDraft;
import dev.parakeet.jit.engine.strategy.Proposal;
import dev.parakeet.jit.engine.strategy.Proposer;
import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic strategy (SPEC §3). Signals are applied by precedence, not multiplied, so
 * one cause is never penalised twice: deload (P0), major disruption (P1), recovery (P2), other
 * disruption (P3), high soreness (P4), otherwise soreness 3 and the RPE trend (P5); recency with
 * P4 and P5 only; auxiliary work from the exercise catalogue (SPEC §2.8). Pure: the same input
 * always gives the same draft.
 */
public final class FormulaJitGenerator implements Proposer {

  /** The formula never takes the load below this fraction of the base weight. */
  static final double MIN_MULTIPLIER = 0.60;

  /** More days than this since the last session cost one set. */
  static final int RECENCY_DAYS = 7;

  @Override
  public String name() {
    return "formula";
  }

  @Override
  public String description() {
    return "Deterministic Cube-Method rules applied by precedence; works offline.";
  }

  @Override
  public Proposal propose(SessionContext context) {
    return new Proposal.Formula(draft(context));
  }

  /** The formula's proposal, before the hard constraints. */
  public SessionDraft draft(SessionContext context) {
    List<String> rationale = new ArrayList<>(4);
    rationale.add(programmed(context));

    TrainingDisruption major = context.majorDisruption();
    if (major != null) {
      rationale.add("Major disruption — " + major.label() + ": main lift skipped today.");
      return SessionDraft.byFormula(
          new MainLift.Skipped(MainLift.Cause.MAJOR_DISRUPTION),
          FormulaAuxiliaryWork.skippedAll(context, AuxiliarySkips.MAIN_LIFT_SKIPPED),
          rationale);
    }
    BaseSets base = context.base();
    if (context.deload()) {
      rationale.add("Deload: kept as programmed — a deload is never reduced further.");
      if (!context.relevantDisruptions().isEmpty()) {
        rationale.add(
            "Active disruption noted (" + context.relevantDisruptions().get(0).label()
                + "); the deload already covers it.");
      }
      return SessionDraft.byFormula(
          new MainLift.Planned(base.sets(), 1.0), FormulaAuxiliaryWork.build(context, null), rationale);
    }

    SessionContext.Soreness soreness = context.effectiveSoreness();
    String soreMuscle = soreness.muscle().wire();
    if (soreness.effective() != soreness.rated()) {
      rationale.add(
          "Late-luteal phase: soreness counted one level higher (" + soreMuscle + " "
              + soreness.rated() + " → " + soreness.effective() + ").");
    }

    if (SorenessModifier.forLevel(soreness.effective()).recovery()) {
      List<PlannedSet> recovery = RecoverySession.sets(base, context.increment());
      rationale.add(
          "Soreness " + soreness.effective() + "/5 (" + soreMuscle + "): recovery session — "
              + Phrases.sets(RecoverySession.SETS, RecoverySession.REPS, recovery.get(0).weightKg())
              + ", RPE " + Phrases.number(RecoverySession.RPE) + ", no auxiliary work.");
      return SessionDraft.byFormula(
          new MainLift.Recovery(recovery),
          FormulaAuxiliaryWork.skippedAll(context, AuxiliarySkips.RECOVERY),
          rationale);
    }

    if (!context.relevantDisruptions().isEmpty()) {
      return disrupted(context, rationale);
    }
    return adjustedForReadiness(context, soreMuscle, soreness.effective(), rationale);
  }

  /** P3: the disruption protocol, and nothing else on the main lift; the auxiliary work follows it. */
  private SessionDraft disrupted(SessionContext context, List<String> rationale) {
    BaseSets base = context.base();
    DisruptionProtocol.Effect effect =
        DisruptionProtocol.effect(context.relevantDisruptions(), base.count());
    for (TrainingDisruption disruption : context.relevantDisruptions()) {
      rationale.add(
          "Active disruption — " + disruption.label() + " (" + disruption.disruptionType().wire()
              + ", " + disruption.severity().wire() + ").");
    }
    double multiplier = Math.max(MIN_MULTIPLIER, effect.multiplier());
    List<PlannedSet> sets = reduceReps(take(context, effect.sets(), multiplier), effect.repsReduction());
    boolean moderate = effect.severity() == Severity.MODERATE;
    StringBuilder line = new StringBuilder("Disruption protocol: ");
    line.append(moderate ? "sets halved, " : "sets kept, ");
    line.append("load ").append(Phrases.times(multiplier));
    if (effect.repsReduction() > 0) {
      line.append(", ").append(effect.repsReduction()).append(" fewer reps per set (illness)");
    }
    line.append(" → ").append(Phrases.sets(sets.size(), sets.get(0).reps(), sets.get(0).weightKg()));
    line.append(". Soreness, RPE and recency are not applied on top.");
    rationale.add(line.toString());
    if (!context.activeAuxiliaries().isEmpty()) {
      rationale.add(
          "Auxiliary work follows the protocol: load " + Phrases.times(multiplier)
              + (moderate
                  ? ", at most " + Phrases.setCount(AuxiliaryPrescription.REDUCED_SETS) + " each."
                  : ", sets kept."));
    }
    return SessionDraft.byFormula(
        new MainLift.Planned(sets, multiplier),
        FormulaAuxiliaryWork.build(
            context, new FormulaAuxiliaryWork.Protocol(effect.severity(), multiplier)),
        rationale);
  }

  /** P4/P5 and recency: soreness, then the RPE trend when soreness is not high. */
  private SessionDraft adjustedForReadiness(
      SessionContext context, String soreMuscle, int soreness, List<String> rationale) {
    BaseSets base = context.base();
    SorenessModifier modifier = SorenessModifier.forLevel(soreness);
    int sets = base.count() - modifier.setReduction();
    double multiplier = modifier.intensityMultiplier();
    RpeTrend trend = RpeTrend.of(context.input().recentLogs());

    // P4 is the level where soreness lightens the load: the RPE trend is not counted on top.
    boolean high = modifier.intensityMultiplier() < 1.0;
    if (modifier.setReduction() > 0) {
      StringBuilder line = new StringBuilder(high ? "High soreness (" : "Moderate soreness (");
      line.append(soreMuscle).append(' ').append(soreness).append("/5): ")
          .append(fewerSets(modifier.setReduction()));
      if (high) {
        line.append(" and load ").append(Phrases.times(modifier.intensityMultiplier()));
      }
      rationale.add(line.append('.').toString());
    }
    if (high) {
      if (trend.isSignal()) {
        rationale.add("Recent RPE trend ignored: soreness is the likely cause.");
      }
    } else if (trend.isSignal()) {
      multiplier *= trend.direction().multiplier();
      rationale.add(
          "Recent sessions felt "
              + (trend.direction() == RpeTrend.Direction.ABOVE_TARGET ? "harder" : "easier")
              + " than planned (RPE " + signed(trend.meanDeviation()) + " vs target): load "
              + Phrases.times(trend.direction().multiplier()) + ".");
    }
    Integer days = context.input().daysSinceLastSession();
    if (days != null && days > RECENCY_DAYS) {
      sets--;
      rationale.add(days + " days since the last session: " + fewerSets(1) + " to ease back in.");
    }
    if (sets < 1) {
      sets = 1;
      rationale.add("At least one working set is kept.");
    }
    multiplier = Math.max(MIN_MULTIPLIER, multiplier);
    List<PlannedSet> planned = take(context, sets, multiplier);
    if (rationale.size() == 1) {
      rationale.add("Readiness check-in within normal range: no adjustment from soreness, effort or recency.");
    } else {
      PlannedSet first = planned.get(0);
      rationale.add("Today: " + Phrases.sets(planned.size(), first.reps(), first.weightKg()) + ".");
    }
    return SessionDraft.byFormula(
        new MainLift.Planned(planned, multiplier), FormulaAuxiliaryWork.build(context, null), rationale);
  }

  private static String fewerSets(int count) {
    return count == 1 ? "one set fewer" : count + " fewer sets";
  }

  /** The first {@code count} base sets at round(base weight × multiplier). */
  private static List<PlannedSet> take(SessionContext context, int count, double multiplier) {
    BaseSets base = context.base();
    return base.take(count, WeightRounding.round(base.weightKg() * multiplier, context.increment()));
  }

  /** Illness: fewer reps per set (at least one), the rep range shifted with them. */
  private static List<PlannedSet> reduceReps(List<PlannedSet> sets, int reduction) {
    if (reduction == 0) {
      return sets;
    }
    List<PlannedSet> reduced = new ArrayList<>(sets.size());
    for (PlannedSet set : sets) {
      RepsRange range = set.repsRange();
      RepsRange shifted =
          range == null
              ? null
              : new RepsRange(Math.max(1, range.min() - reduction), Math.max(1, range.max() - reduction));
      reduced.add(
          new PlannedSet(
              set.setNumber(), set.weightKg(), Math.max(1, set.reps() - reduction), set.rpeTarget(),
              shifted == null || shifted.min() == shifted.max() ? null : shifted));
    }
    return List.copyOf(reduced);
  }

  /** {@code "Block 1 heavy, programmed 2×5 @ 112.5 kg, RPE 8.5."} */
  private static String programmed(SessionContext context) {
    BaseSets base = context.base();
    String weight = Weights.format(base.weightKg());
    String rpe = Weights.format(base.rpeTarget());
    // One concatenation per form: this line is written for every session.
    if (context.deload()) {
      return "Deload, programmed " + base.count() + "×" + base.reps() + " @ " + weight + " kg, RPE "
          + rpe + ".";
    }
    return "Block " + context.input().blockNumber() + " " + context.input().intensityType().wire()
        + ", programmed " + base.count() + "×" + base.reps() + " @ " + weight + " kg, RPE " + rpe + ".";
  }

  private static String signed(double value) {
    String magnitude = Weights.format(Math.abs(value));
    return (value >= 0 ? "+" : "−") + magnitude;
  }
}

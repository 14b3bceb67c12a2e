package dev.parakeet.jit.engine.strategy.formula;

import dev.parakeet.jit.engine.calc.BaseSets;
import dev.parakeet.jit.engine.calc.LiftMuscles;
import dev.parakeet.jit.engine.calc.MuscleRatings;
import dev.parakeet.jit.engine.calc.RecoverySession;
import dev.parakeet.jit.engine.calc.RpeTrend;
import dev.parakeet.jit.engine.calc.SorenessModifier;
import dev.parakeet.jit.engine.calc.WeightRounding;
import dev.parakeet.jit.engine.constraint.HardConstraints;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.MenstrualPhase;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.RepsRange;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import dev.parakeet.jit.engine.model.Weights;
import dev.parakeet.jit.engine.session.Phrases;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.session.SessionDraft;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic strategy (SPEC §3). Signals are applied by precedence, not multiplied, so
 * one cause is never penalised twice: deload (P0), major disruption (P1), recovery (P2), other
 * disruption (P3), high soreness (P4), otherwise soreness 3 and the RPE trend (P5); recency with
 * P4 and P5 only. Pure: the same input and clock give the same output.
 */
public final class FormulaJitGenerator implements JitGeneratorStrategy {

  /** The formula never takes the load below this fraction of the base weight. */
  static final double MIN_MULTIPLIER = 0.60;

  /** More days than this since the last session cost one set. */
  static final int RECENCY_DAYS = 7;

  private final Clock clock;
  private final HardConstraints constraints;

  public FormulaJitGenerator(Clock clock, HardConstraints constraints) {
    this.clock = clock;
    this.constraints = constraints;
  }

  @Override
  public String name() {
    return "formula";
  }

  @Override
  public String description() {
    return "Deterministic Cube-Method rules applied by precedence; works offline.";
  }

  @Override
  public JitOutput generate(JitInput input) {
    return generate(SessionContext.of(input));
  }

  public JitOutput generate(SessionContext context) {
    return constraints.apply(context, draft(context), JitStrategy.FORMULA, clock.instant());
  }

  /** The formula's proposal, before the hard constraints. */
  SessionDraft draft(SessionContext context) {
    List<String> rationale = new ArrayList<>(4);
    rationale.add(programmed(context));

    TrainingDisruption major = firstMajor(context.relevantDisruptions());
    if (major != null) {
      rationale.add("Major disruption — " + major.label() + ": main lift skipped today.");
      return finish(context, List.of(), true, false, 0, FormulaAuxiliaryWork.Day.MAIN_LIFT_SKIPPED, rationale);
    }
    BaseSets base = context.base();
    if (context.deload()) {
      rationale.add("Deload: kept as programmed — a deload is never reduced further.");
      if (!context.relevantDisruptions().isEmpty()) {
        rationale.add(
            "Active disruption noted (" + context.relevantDisruptions().get(0).label()
                + "); the deload already covers it.");
      }
      return finish(context, base.sets(), false, false, 1.0, FormulaAuxiliaryWork.Day.NORMAL, rationale);
    }

    MuscleRatings.Worst worst =
        context.soreness().worst(LiftMuscles.primaryMuscles(context.lift()));
    int soreness = worst.level();
    if (context.input().menstrualPhase() == MenstrualPhase.LATE_LUTEAL) {
      int raised = Math.min(MuscleRatings.SEVERE, soreness + 1);
      rationale.add(
          "Late-luteal phase: soreness counted one level higher (" + worst.muscle().wire() + " "
              + soreness + " → " + raised + ").");
      soreness = raised;
    }

    if (SorenessModifier.forLevel(soreness).recovery()) {
      List<PlannedSet> recovery = RecoverySession.sets(base, context.increment());
      rationale.add(
          "Soreness " + soreness + "/5 (" + worst.muscle().wire() + "): recovery session — "
              + Phrases.sets(RecoverySession.SETS, RecoverySession.REPS, recovery.get(0).weightKg())
              + ", RPE 5, no auxiliary work.");
      return finish(
          context, recovery, false, true, RecoverySession.INTENSITY,
          FormulaAuxiliaryWork.Day.RECOVERY, rationale);
    }

    if (!context.relevantDisruptions().isEmpty()) {
      return disrupted(context, rationale);
    }
    return adjustedForReadiness(context, worst.muscle().wire(), soreness, rationale);
  }

  /** P3: the disruption protocol, and nothing else on the main lift. */
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
    StringBuilder line = new StringBuilder("Disruption protocol: ");
    line.append(effect.severity() == Severity.MODERATE ? "sets halved, " : "sets kept, ");
    line.append("load ").append(Phrases.times(multiplier));
    if (effect.repsReduction() > 0) {
      line.append(", ").append(effect.repsReduction()).append(" fewer reps per set (illness)");
    }
    line.append(" → ").append(Phrases.sets(sets.size(), sets.get(0).reps(), sets.get(0).weightKg()));
    line.append(". Soreness, RPE and recency are not applied on top.");
    rationale.add(line.toString());
    return finish(context, sets, false, false, multiplier, FormulaAuxiliaryWork.Day.NORMAL, rationale);
  }

  /** P4/P5 and recency: soreness, then the RPE trend when soreness is not high. */
  private SessionDraft adjustedForReadiness(
      SessionContext context, String soreMuscle, int soreness, List<String> rationale) {
    BaseSets base = context.base();
    SorenessModifier modifier = SorenessModifier.forLevel(soreness);
    int sets = base.count() - modifier.setReduction();
    double multiplier = modifier.intensityMultiplier();
    RpeTrend trend = RpeTrend.of(context.input().recentLogs());

    if (soreness == 4) {
      rationale.add(
          "High soreness (" + soreMuscle + " 4/5): 2 fewer sets and load " + Phrases.times(0.95) + ".");
      if (trend.isSignal()) {
        rationale.add("Recent RPE trend ignored: soreness is the likely cause.");
      }
    } else {
      if (soreness == 3) {
        rationale.add("Moderate soreness (" + soreMuscle + " 3/5): one set fewer.");
      }
      if (trend.isSignal()) {
        multiplier *= trend.direction().multiplier();
        rationale.add(
            "Recent sessions felt "
                + (trend.direction() == RpeTrend.Direction.ABOVE_TARGET ? "harder" : "easier")
                + " than planned (RPE " + signed(trend.meanDeviation()) + " vs target): load "
                + Phrases.times(trend.direction().multiplier()) + ".");
      }
    }
    Integer days = context.input().daysSinceLastSession();
    if (days != null && days > RECENCY_DAYS) {
      sets--;
      rationale.add(days + " days since the last session: one set fewer to ease back in.");
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
    return finish(context, planned, false, false, multiplier, FormulaAuxiliaryWork.Day.NORMAL, rationale);
  }

  private SessionDraft finish(
      SessionContext context,
      List<PlannedSet> mainSets,
      boolean skipped,
      boolean recovery,
      double multiplier,
      FormulaAuxiliaryWork.Day day,
      List<String> rationale) {
    FormulaAuxiliaryWork.Plan aux = FormulaAuxiliaryWork.build(context, mainSets.size(), day);
    return new SessionDraft(
        mainSets, skipped, recovery, multiplier, aux.work(), rationale, aux.warnings(), null);
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

  private static TrainingDisruption firstMajor(List<TrainingDisruption> disruptions) {
    for (TrainingDisruption disruption : disruptions) {
      if (disruption.severity() == Severity.MAJOR) {
        return disruption;
      }
    }
    return null;
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

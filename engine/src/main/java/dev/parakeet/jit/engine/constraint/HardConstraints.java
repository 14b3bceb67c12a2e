package dev.parakeet.jit.engine.constraint;

import dev.parakeet.jit.engine.calc.AuxiliaryCatalogue;
import dev.parakeet.jit.engine.calc.AuxiliaryLimits;
import dev.parakeet.jit.engine.calc.BaseSets;
import dev.parakeet.jit.engine.calc.LiftMuscles;
import dev.parakeet.jit.engine.calc.RepMax;
import dev.parakeet.jit.engine.calc.WarmupCalculator;
import dev.parakeet.jit.engine.calc.WeightRounding;
import dev.parakeet.jit.engine.model.AppliedConstraint;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import dev.parakeet.jit.engine.model.WarmupSet;
import dev.parakeet.jit.engine.model.Weights;
import dev.parakeet.jit.engine.session.AuxiliarySkips;
import dev.parakeet.jit.engine.session.MainLift;
import dev.parakeet.jit.engine.session.Phrases;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.session.SessionDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The hard-constraint layer (SPEC §4): the one component every strategy's proposal passes
 * through, so no strategy — and no language model — can hand a lifter an unsafe session. Rules
 * run in the order of {@link ConstraintRule}; each that changes something is recorded in {@code
 * constraintsApplied} with a {@code [constraint]} warning.
 */
public final class HardConstraints {

  /** The lowest working weight, as a fraction of the base weight. */
  public static final double FLOOR_OF_BASE = 0.40;

  private static final String WARNING_PREFIX = "[constraint] ";

  /** Each lift's primary muscles as a lifter reads them: "hamstrings, glutes, lower back, upper back". */
  private static final Map<Lift, String> MUSCLE_NAMES = new EnumMap<>(Lift.class);

  static {
    for (Lift lift : Lift.values()) {
      List<String> names = new ArrayList<>();
      for (Muscle muscle : LiftMuscles.primaryMuscles(lift)) {
        names.add(muscle.wire().replace('_', ' '));
      }
      MUSCLE_NAMES.put(lift, String.join(", ", names));
    }
  }

  /** No auxiliary work kept yet: read, never written. */
  private static final double[] NONE_KEPT = new double[Muscle.values().length];

  /**
   * What rule 0 lets a language model's proposal do without a supporting signal, in words, so the
   * model's instructions state the envelope it is held to from the numbers that enforce it.
   */
  public static String modelEnvelope() {
    return OverreactionGuard.inWords();
  }

  /** Finishes {@code draft} into the output a caller receives. */
  public JitOutput apply(
      SessionContext context, SessionDraft draft, JitStrategy producedBy, Instant generatedAt) {
    Pass pass = new Pass(context, draft);
    pass.overruleForMajorDisruption();
    if (draft.author() == SessionDraft.Author.MODEL) {
      pass.guardAgainstOverreaction();
    }
    pass.capAtMrv();
    pass.ensureMinimumSets();
    pass.raiseToFloor();
    pass.lowerToCeiling();
    pass.roundWeights();
    pass.limitAuxiliaryWork();
    List<PlannedSet> sets = pass.main.sets();
    List<WarmupSet> warmups =
        WarmupCalculator.forSession(
            sets.isEmpty() ? null : sets.get(0).weightKg(),
            context.warmupProtocol(),
            pass.main instanceof MainLift.Recovery,
            context.increment());
    return JitOutput.generated(context.input().sessionId(), generatedAt, producedBy)
        .mainLift(sets, pass.skipped())
        .warmups(warmups)
        .auxiliary(pass.auxiliary)
        .modifiers(pass.volumeModifier(), pass.intensityModifier())
        .rationale(pass.rationale)
        .warnings(pass.warnings)
        .constraintsApplied(pass.applied)
        .confidence(draft.confidence())
        .build();
  }

  /** One run of the layer over one draft. */
  private static final class Pass {
    private final SessionContext context;
    private final double increment;
    private MainLift main;
    private List<AuxiliaryWork> auxiliary;
    private boolean weightChanged;
    private List<String> warnings = List.of();
    private List<String> rationale;
    private List<AppliedConstraint> applied = List.of();

    Pass(SessionContext context, SessionDraft draft) {
      this.context = context;
      this.increment = context.increment();
      this.main = draft.mainLift();
      this.auxiliary = draft.auxiliaryWork();
      this.rationale = draft.rationale();
    }

    boolean skipped() {
      return main instanceof MainLift.Skipped;
    }

    /** Rule 0: a relevant major disruption skips the lift and suppresses its auxiliary work. */
    void overruleForMajorDisruption() {
      TrainingDisruption major = context.majorDisruption();
      if (major == null) {
        return;
      }
      boolean changed = !(main instanceof MainLift.Skipped skip && skip.cause() == MainLift.Cause.MAJOR_DISRUPTION);
      main = new MainLift.Skipped(MainLift.Cause.MAJOR_DISRUPTION);
      List<AuxiliaryWork> suppressed = new ArrayList<>(auxiliary.size());
      for (AuxiliaryWork work : auxiliary) {
        boolean already = work.skipped() && AuxiliarySkips.MAIN_LIFT_SKIPPED.equals(work.skipReason());
        changed |= !already;
        suppressed.add(already ? work : AuxiliaryWork.skipped(work.exercise(), AuxiliarySkips.MAIN_LIFT_SKIPPED));
      }
      if (changed) {
        auxiliary = List.copyOf(suppressed);
        explain("Major disruption — " + major.label() + ": main lift skipped today, whatever was proposed.");
        record(
            ConstraintRule.MAJOR_DISRUPTION,
            "major " + major.disruptionType().wire().replace('_', ' ') + " (" + major.label()
                + ") — main lift skipped, auxiliary work suppressed");
      }
    }

    /** Rule 0: a model's proposal stays inside the envelope its signals allow. */
    void guardAgainstOverreaction() {
      OverreactionGuard.Clamp clamp = OverreactionGuard.clamp(context, main);
      if (clamp == null) {
        return;
      }
      List<PlannedSet> before = main.sets();
      List<PlannedSet> after = clamp.mainLift().sets();
      weightChanged |=
          before.isEmpty() || after.isEmpty() || before.get(0).weightKg() != after.get(0).weightKg();
      main = clamp.mainLift();
      explain(clamp.rationale());
      record(ConstraintRule.OVERREACTION_GUARD, clamp.detail());
    }

    /** Rule 1: a muscle without room for a whole set skips the lift; otherwise the sets fit it. */
    void capAtMrv() {
      if (skipped()) {
        return;
      }
      List<LiftMuscles.Contribution> primary = LiftMuscles.primary(context.lift());
      for (int i = 0; i < primary.size(); i++) {
        LiftMuscles.Contribution c = primary.get(i);
        String muscle = c.muscle().wire();
        int mrv = context.landmarks().mrv(c.muscle());
        double weekly = context.weeklyVolume().sets(c.muscle());
        int cap =
            weekly >= mrv ? 0 : (int) Math.floor((mrv - weekly) / c.perSet() + WeightRounding.EPSILON);
        List<PlannedSet> sets = main.sets();
        if (cap < 1) {
          main = new MainLift.Skipped(MainLift.Cause.MRV_REACHED);
          explain(
              "Weekly volume: " + muscle + " has " + Weights.format(weekly) + " of its " + mrv
                  + " sets (MRV) done, no room for a whole set — the main lift is skipped today.");
          record(ConstraintRule.MRV_CAP, "MRV reached for " + muscle + " — main lift skipped");
          return;
        }
        if (sets.size() > cap) {
          explain(
              "Weekly volume: " + muscle + " is near its MRV, so only " + Phrases.setCount(cap)
                  + " of the main lift today.");
          record(
              ConstraintRule.MRV_CAP,
              muscle + " has room for " + Phrases.setCount(cap) + " before its MRV ("
                  + Weights.format(weekly) + " of " + mrv + " done) — main sets capped from "
                  + sets.size() + " to " + cap);
          replaceSets(List.copyOf(sets.subList(0, cap)));
        }
      }
    }

    /** Rule 2: a lift that is not skipped has at least one set. */
    void ensureMinimumSets() {
      if (!skipped() && main.sets().isEmpty()) {
        replaceSets(context.base().take(1, context.base().weightKg()));
        record(ConstraintRule.MINIMUM_SETS, "no working sets proposed — one base set kept");
      }
    }

    /**
     * Rule 3: nothing below 40 % of the base weight, nor below the bar. The floor is the lightest
     * weight on the increment at or above both, so that rounding (rule 5) can never take a floored
     * weight back under the bar when the increment does not divide 20 kg.
     */
    void raiseToFloor() {
      List<PlannedSet> sets = main.sets();
      double floor =
          WeightRounding.roundUp(
              Math.max(
                  Weights.BAR_KG,
                  WeightRounding.round(FLOOR_OF_BASE * context.base().weightKg(), increment)),
              increment);
      List<PlannedSet> raised = null;
      for (int i = 0; i < sets.size(); i++) {
        PlannedSet set = sets.get(i);
        if (set.weightKg() < floor) {
          if (raised == null) {
            raised = new ArrayList<>(sets);
            record(
                ConstraintRule.WEIGHT_FLOOR,
                "main working weight " + Phrases.kg(set.weightKg()) + " raised to the floor of "
                    + Phrases.kg(floor) + " (" + Phrases.percent(FLOOR_OF_BASE)
                    + " of the base weight, at least the bar)");
          }
          raised.set(i, set.withWeight(floor));
        }
      }
      if (raised != null) {
        weightChanged = true;
        replaceSets(List.copyOf(raised));
      }
    }

    /**
     * Rule 4: no set heavier than the lifter can do for its reps (Brzycki, rounded down to the
     * increment); it wins over the floor. A ceiling under the bar leaves the set at the bar with
     * the reps the lifter can do there.
     */
    void lowerToCeiling() {
      List<PlannedSet> sets = main.sets();
      double oneRm = context.oneRmKg();
      List<PlannedSet> lowered = null;
      for (int i = 0; i < sets.size(); i++) {
        PlannedSet set = sets.get(i);
        double ceiling = WeightRounding.roundDown(RepMax.heaviestFor(set.reps(), oneRm), increment);
        PlannedSet capped;
        String detail;
        if (ceiling >= Weights.BAR_KG) {
          if (set.weightKg() <= ceiling) {
            continue;
          }
          capped = set.withWeight(ceiling);
          detail =
              "main working weight " + Phrases.kg(set.weightKg()) + " lowered to " + Phrases.kg(ceiling)
                  + ", the most the lifter can do for " + set.reps() + " reps (Brzycki)";
        } else {
          double bar = WeightRounding.roundUp(Weights.BAR_KG, increment);
          int reps = Math.min(set.reps(), RepMax.mostRepsAt(bar, oneRm));
          if (set.weightKg() == bar && reps == set.reps()) {
            continue;
          }
          capped =
              new PlannedSet(
                  set.setNumber(), bar, reps, set.rpeTarget(), reps == set.reps() ? set.repsRange() : null);
          detail =
              "the most the lifter can do for " + set.reps() + " reps is " + Phrases.kg(ceiling)
                  + ", under the bar — the set is at " + Phrases.kg(bar) + " for " + reps + " reps (Brzycki)";
        }
        if (lowered == null) {
          lowered = new ArrayList<>(sets);
          record(ConstraintRule.WEIGHT_CEILING, detail);
        }
        lowered.set(i, capped);
      }
      if (lowered != null) {
        weightChanged = true;
        replaceSets(List.copyOf(lowered));
      }
    }

    /** Rule 5: every weight, main and auxiliary, on the plate increment. */
    void roundWeights() {
      List<PlannedSet> sets = main.sets();
      List<PlannedSet> mainRounded = rounded(sets);
      boolean mainChanged = mainRounded != sets;
      // Strategies almost always propose rounded weights: copy nothing unless something moved.
      List<AuxiliaryWork> aux = null;
      for (int i = 0; i < auxiliary.size(); i++) {
        AuxiliaryWork work = auxiliary.get(i);
        List<PlannedSet> auxSets = rounded(work.sets());
        if (auxSets != work.sets()) {
          if (aux == null) {
            aux = new ArrayList<>(auxiliary);
          }
          aux.set(i, new AuxiliaryWork(work.exercise(), auxSets, work.skipped(), work.skipReason()));
        }
      }
      if (mainChanged || aux != null) {
        // Only the main lift's load defines intensityModifier.
        weightChanged |= mainChanged;
        if (mainChanged) {
          replaceSets(mainRounded);
        }
        if (aux != null) {
          auxiliary = List.copyOf(aux);
        }
        record(
            ConstraintRule.ROUNDING,
            "weights rounded to the " + Phrases.kg(increment) + " increment");
      }
    }

    /** {@code sets} with every weight on the increment; the same list when nothing moved. */
    private List<PlannedSet> rounded(List<PlannedSet> planned) {
      List<PlannedSet> result = null;
      // Sets of one exercise nearly always share a weight: check each distinct weight once.
      double checked = Double.NaN;
      for (int i = 0; i < planned.size(); i++) {
        PlannedSet set = planned.get(i);
        double weight = set.weightKg();
        if (weight == checked) {
          continue;
        }
        if (WeightRounding.isOnIncrement(weight, increment)) {
          checked = weight;
          continue;
        }
        if (result == null) {
          result = new ArrayList<>(planned);
        }
        result.set(i, set.withWeight(WeightRounding.round(weight, increment)));
      }
      return result == null ? planned : List.copyOf(result);
    }

    /**
     * Rule 6, in input order against the final main sets: no exercise for a muscle rated 5; an
     * injury keeps exercises that share the lift's muscles off (moderate, major) or no heavier
     * than the lift itself (minor); and the MRV counts today's main sets and the auxiliary work
     * kept so far.
     */
    void limitAuxiliaryWork() {
      if (auxiliary.isEmpty()) {
        return;
      }
      AuxiliaryRule rule = new AuxiliaryRule();
      List<AuxiliaryWork> limited = null;
      for (int i = 0; i < auxiliary.size(); i++) {
        AuxiliaryWork work = auxiliary.get(i);
        AuxiliaryWork kept = rule.limit(work);
        if (kept != work) {
          if (limited == null) {
            limited = new ArrayList<>(auxiliary);
          }
          limited.set(i, kept);
        }
      }
      if (limited != null) {
        auxiliary = List.copyOf(limited);
      }
    }

    /** Rule 6's running state over one session's auxiliary work. */
    private final class AuxiliaryRule {
      private final Lift lift = context.lift();
      private final Severity injury = context.injurySeverity();
      private final List<PlannedSet> mainSets = main.sets();
      /** Sets of auxiliary work kept so far, per muscle (SPEC §4 rule 6c); made at the first one kept. */
      private double[] kept = NONE_KEPT;
      private boolean injuryExplained;

      /** Once per session: why the injury changed the auxiliary work. */
      private void explainInjury(String effect) {
        if (!injuryExplained) {
          injuryExplained = true;
          explain("Injury protection: " + effect);
        }
      }

      AuxiliaryWork limit(AuxiliaryWork work) {
        if (work.skipped()) {
          return work;
        }
        String exercise = work.exercise();
        List<Muscle> muscles = AuxiliaryCatalogue.musclesOf(exercise, lift);
        Muscle sore = AuxiliaryLimits.severelySore(muscles, context.auxiliarySoreness());
        if (sore != null) {
          record(ConstraintRule.AUXILIARY, exercise + " skipped — " + sore.wire() + " rated 5");
          return AuxiliaryWork.skipped(exercise, AuxiliarySkips.severeSoreness(sore));
        }
        AuxiliaryWork limited = work;
        List<Muscle> shared = injury == null ? List.of() : AuxiliaryLimits.sharedWith(lift, muscles);
        if (!shared.isEmpty()) {
          if (injury.compareTo(Severity.MODERATE) >= 0 || mainSets.isEmpty()) {
            explainInjury(
                "auxiliary work on the " + lift.wire() + "'s muscles (" + MUSCLE_NAMES.get(lift)
                    + ") is skipped today" + (mainSets.isEmpty() ? ", as the lift itself is" : "") + ".");
            record(ConstraintRule.AUXILIARY, "injury — " + exercise + " skipped");
            return AuxiliaryWork.skipped(exercise, AuxiliarySkips.injury(lift, shared));
          }
          limited = noHeavierThanTheMainLift(work);
        }
        AuxiliaryLimits.MrvRoom room =
            AuxiliaryLimits.mrvRoom(
                muscles, lift, mainSets.size(), kept, context.weeklyVolume(), context.landmarks());
        if (room.exhausted()) {
          record(
              ConstraintRule.AUXILIARY,
              exercise + " skipped — MRV reached for " + room.muscle().wire());
          return AuxiliaryWork.skipped(exercise, AuxiliarySkips.mrvReached(room.muscle()));
        }
        if (limited.sets().size() > room.maxSets()) {
          record(
              ConstraintRule.AUXILIARY,
              exercise + " capped from " + limited.sets().size() + " to " + room.maxSets()
                  + " sets — MRV of " + room.muscle().wire());
          limited = AuxiliaryWork.prescribed(exercise, List.copyOf(limited.sets().subList(0, room.maxSets())));
        }
        if (kept == NONE_KEPT) {
          kept = new double[Muscle.values().length];
        }
        for (int i = 0; i < muscles.size(); i++) {
          kept[muscles.get(i).ordinal()] += limited.sets().size();
        }
        return limited;
      }

      /** A minor injury: an exercise sharing the lift's muscles is no heavier than the lift today. */
      private AuxiliaryWork noHeavierThanTheMainLift(AuxiliaryWork work) {
        double cap = WeightRounding.roundDown(lightest(mainSets), increment);
        List<PlannedSet> capped = null;
        for (int i = 0; i < work.sets().size(); i++) {
          PlannedSet set = work.sets().get(i);
          if (set.weightKg() > cap) {
            if (capped == null) {
              capped = new ArrayList<>(work.sets());
            }
            capped.set(i, set.withWeight(cap));
          }
        }
        if (capped == null) {
          return work;
        }
        explainInjury(
            "auxiliary work on the " + lift.wire() + "'s muscles is no heavier than today's "
                + Phrases.kg(cap) + " on the lift itself.");
        record(
            ConstraintRule.AUXILIARY,
            work.exercise() + " capped at " + Phrases.kg(cap) + ", the " + lift.wire()
                + "'s working weight (minor injury)");
        return AuxiliaryWork.prescribed(work.exercise(), List.copyOf(capped));
      }
    }

    private static double lightest(List<PlannedSet> sets) {
      double lightest = Double.POSITIVE_INFINITY;
      for (int i = 0; i < sets.size(); i++) {
        lightest = Math.min(lightest, sets.get(i).weightKg());
      }
      return lightest;
    }

    /** The same kind of main lift with other sets. */
    private void replaceSets(List<PlannedSet> sets) {
      if (main instanceof MainLift.Recovery) {
        main = new MainLift.Recovery(sets);
      } else {
        main = new MainLift.Planned(sets, main.intensityModifier());
      }
    }

    /** A constraint that reshapes the session is a reason the lifter should read, too. */
    private void explain(String reason) {
      rationale = new ArrayList<>(rationale);
      rationale.add(reason);
    }

    private void record(ConstraintRule rule, String detail) {
      if (applied.isEmpty()) {
        applied = new ArrayList<>(2);
        warnings = new ArrayList<>(2);
      }
      applied.add(new AppliedConstraint(rule, detail));
      warnings.add(WARNING_PREFIX + detail);
    }

    double volumeModifier() {
      return skipped() ? 0 : (double) main.sets().size() / context.base().count();
    }

    /**
     * The strategy's multiplier, unless a constraint moved the weight: then the ratio the lifter
     * actually gets. Zero when the lift is skipped.
     */
    double intensityModifier() {
      if (skipped()) {
        return 0;
      }
      BaseSets base = context.base();
      return weightChanged && base.weightKg() > 0
          ? main.sets().get(0).weightKg() / base.weightKg()
          : main.intensityModifier();
    }
  }
}

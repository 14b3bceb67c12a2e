package dev.parakeet.jit.engine.constraint;

import dev.parakeet.jit.engine.calc.AuxiliaryCatalogue;
import dev.parakeet.jit.engine.calc.AuxiliaryLimits;
import dev.parakeet.jit.engine.calc.LiftMuscles;
import dev.parakeet.jit.engine.calc.WarmupCalculator;
import dev.parakeet.jit.engine.calc.WeightRounding;
import dev.parakeet.jit.engine.model.AppliedConstraint;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.WarmupSet;
import dev.parakeet.jit.engine.model.Weights;
import dev.parakeet.jit.engine.session.Phrases;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.session.SessionDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hard-constraint layer (SPEC §4): the one component every strategy's proposal passes
 * through, so no strategy — and no language model — can hand a lifter an unsafe session. Rules
 * run in the order of {@link ConstraintRule}; each that changes something is recorded in {@code
 * constraintsApplied} with a {@code [constraint]} warning.
 */
public final class HardConstraints {

  /** The lowest working weight, as a fraction of the base weight. */
  static final double FLOOR_OF_BASE = 0.40;

  private static final String WARNING_PREFIX = "[constraint] ";

  /** Finishes {@code draft} into the output a caller receives. */
  public JitOutput apply(
      SessionContext context, SessionDraft draft, JitStrategy producedBy, Instant generatedAt) {
    Pass pass = new Pass(context, draft);
    pass.capAtMrv();
    pass.ensureMinimumSets();
    pass.raiseToFloor();
    pass.lowerToCeiling();
    pass.roundWeights();
    pass.limitAuxiliaryWork();
    List<WarmupSet> warmups =
        WarmupCalculator.forSession(
            pass.sets.isEmpty() ? null : pass.sets.get(0).weightKg(),
            context.warmupProtocol(),
            draft.recoverySession(),
            context.increment());
    return new JitOutput(
        context.input().sessionId(),
        generatedAt,
        pass.sets,
        warmups,
        pass.auxiliary,
        pass.volumeModifier(),
        pass.intensityModifier(),
        pass.rationale,
        pass.warnings,
        pass.skipped,
        producedBy,
        pass.applied,
        null,
        draft.confidence(),
        null);
  }

  /** One run of the layer over one draft. */
  private static final class Pass {
    private final SessionContext context;
    private final SessionDraft draft;
    private final double increment;
    private List<PlannedSet> sets;
    private List<AuxiliaryWork> auxiliary;
    private boolean skipped;
    private boolean weightChanged;
    private List<String> warnings;
    private List<String> rationale;
    private List<AppliedConstraint> applied = List.of();

    Pass(SessionContext context, SessionDraft draft) {
      this.context = context;
      this.draft = draft;
      this.increment = context.increment();
      this.skipped = draft.skippedMainLift();
      this.sets = skipped ? List.of() : draft.mainSets();
      this.auxiliary = draft.auxiliaryWork();
      this.warnings = draft.warnings();
      this.rationale = draft.rationale();
    }

    /** Rule 1: a muscle at its MRV skips the lift; otherwise the sets fit the headroom. */
    void capAtMrv() {
      if (skipped) {
        return;
      }
      List<LiftMuscles.Contribution> primary = LiftMuscles.primary(context.lift());
      for (int i = 0; i < primary.size(); i++) {
        LiftMuscles.Contribution c = primary.get(i);
        int mrv = context.landmarks().mrv(c.muscle());
        double weekly = context.weeklyVolume().sets(c.muscle());
        int cap = weekly >= mrv ? 0 : (int) Math.floor((mrv - weekly) / c.perSet() + 1e-9);
        if (cap < 1) {
          skipped = true;
          sets = List.of();
          explain(
              "Weekly volume: " + c.muscle().wire() + " has reached its MRV, so the main lift is"
                  + " skipped today.");
          // SPEC §4's wording at or over the MRV; below it, less than one whole set is left.
          String why = weekly >= mrv ? "MRV exceeded for " : "No room for a set under the MRV of ";
          record(
              ConstraintRule.MRV_CAP,
              why + c.muscle().wire() + " — main lift skipped (" + Weights.format(weekly) + " of "
                  + mrv + " weekly sets done)");
          return;
        }
        if (sets.size() > cap) {
          explain(
              "Weekly volume: " + c.muscle().wire() + " is near its MRV, so only "
                  + Phrases.setCount(cap) + " of the main lift today.");
          record(
              ConstraintRule.MRV_CAP,
              c.muscle().wire() + " has room for " + Phrases.setCount(cap) + " before its MRV ("
                  + Weights.format(weekly) + " of " + mrv + " done) — main sets capped from "
                  + sets.size() + " to " + cap);
          sets = List.copyOf(sets.subList(0, cap));
        }
      }
    }

    /** Rule 2: a lift that is not skipped has at least one set. */
    void ensureMinimumSets() {
      if (!skipped && sets.isEmpty()) {
        sets = context.base().take(1, context.base().weightKg());
        record(ConstraintRule.MINIMUM_SETS, "no working sets proposed — one base set kept");
      }
    }

    /**
     * Rule 3: nothing below 40 % of the base weight, nor below the bar. The floor is the lightest
     * weight on the increment at or above both, so that rounding (rule 5) can never take a floored
     * weight back under the bar when the increment does not divide 20 kg.
     */
    void raiseToFloor() {
      double floor =
          WeightRounding.roundUp(
              Math.max(
                  Weights.BAR_KG,
                  WeightRounding.round(FLOOR_OF_BASE * context.base().weightKg(), increment)),
              increment);
      replaceWeights(
          ConstraintRule.WEIGHT_FLOOR,
          floor,
          true,
          "raised to the floor of ",
          " (40 % of the base weight, at least the bar)");
    }

    /** Rule 4: nothing above the 1RM (rounded down to the increment); wins over the floor. */
    void lowerToCeiling() {
      double ceiling = WeightRounding.roundDown(context.oneRmKg(), increment);
      replaceWeights(
          ConstraintRule.WEIGHT_CEILING, ceiling, false, "lowered to the ceiling of ", " (the 1RM)");
    }

    /** Rule 5: every weight, main and auxiliary, on the plate increment. */
    void roundWeights() {
      List<PlannedSet> main = rounded(sets);
      boolean mainChanged = main != sets;
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
        sets = main;
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

    /** Rule 6: no auxiliary work for a muscle rated 5, and none beyond any muscle's MRV. */
    void limitAuxiliaryWork() {
      List<AuxiliaryWork> limited = null;
      for (int i = 0; i < auxiliary.size(); i++) {
        AuxiliaryWork work = auxiliary.get(i);
        AuxiliaryWork kept = limit(work);
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

    private AuxiliaryWork limit(AuxiliaryWork work) {
      if (work.skipped()) {
        return work;
      }
      List<Muscle> muscles = AuxiliaryCatalogue.musclesOf(work.exercise(), context.lift());
      Muscle sore = AuxiliaryLimits.severelySore(muscles, context.auxiliarySoreness());
      if (sore != null) {
        String reason = "Soreness 5 in " + sore.wire();
        record(ConstraintRule.AUXILIARY, work.exercise() + " skipped — " + sore.wire() + " rated 5");
        return AuxiliaryWork.skipped(work.exercise(), reason);
      }
      AuxiliaryLimits.MrvRoom room =
          AuxiliaryLimits.mrvRoom(
              muscles, context.lift(), sets.size(), context.weeklyVolume(), context.landmarks());
      if (room.exhausted()) {
        record(
            ConstraintRule.AUXILIARY,
            work.exercise() + " skipped — MRV reached for " + room.muscle().wire());
        return AuxiliaryWork.skipped(work.exercise(), "MRV reached for " + room.muscle().wire());
      }
      if (work.sets().size() > room.maxSets()) {
        record(
            ConstraintRule.AUXILIARY,
            work.exercise() + " capped from " + work.sets().size() + " to " + room.maxSets()
                + " sets — MRV of " + room.muscle().wire());
        return AuxiliaryWork.prescribed(
            work.exercise(), List.copyOf(work.sets().subList(0, room.maxSets())));
      }
      return work;
    }

    /**
     * Moves every main weight beyond {@code limit} to it. The warning reads {@code "main working
     * weight <before> <lead><limit><tail>"}; it is only built when a weight moves, which is rare.
     */
    private void replaceWeights(
        ConstraintRule rule, double limit, boolean raise, String lead, String tail) {
      boolean changed = false;
      for (int i = 0; i < sets.size() && !changed; i++) {
        changed = breaks(sets.get(i).weightKg(), limit, raise);
      }
      if (!changed) {
        return;
      }
      List<PlannedSet> replaced = new ArrayList<>(sets.size());
      double before = sets.get(0).weightKg();
      for (PlannedSet set : sets) {
        replaced.add(breaks(set.weightKg(), limit, raise) ? set.withWeight(limit) : set);
      }
      weightChanged = true;
      sets = List.copyOf(replaced);
      record(
          rule, "main working weight " + Phrases.kg(before) + " " + lead + Phrases.kg(limit) + tail);
    }

    private static boolean breaks(double weight, double limit, boolean raise) {
      return raise ? weight < limit : weight > limit;
    }

    /** A constraint that reshapes the main lift is a reason the lifter should read, too. */
    private void explain(String reason) {
      rationale = new ArrayList<>(rationale);
      rationale.add(reason);
    }

    private void record(ConstraintRule rule, String detail) {
      if (applied.isEmpty()) {
        applied = new ArrayList<>(2);
        warnings = new ArrayList<>(warnings);
      }
      applied.add(new AppliedConstraint(rule, detail));
      warnings.add(WARNING_PREFIX + detail);
    }

    double volumeModifier() {
      return skipped ? 0 : (double) sets.size() / context.base().count();
    }

    /**
     * The strategy's multiplier, unless a constraint moved the weight: then the ratio the lifter
     * actually gets. Zero when the lift is skipped.
     */
    double intensityModifier() {
      if (skipped) {
        return 0;
      }
      double base = context.base().weightKg();
      return weightChanged && base > 0 ? sets.get(0).weightKg() / base : draft.intensityModifier();
    }
  }
}

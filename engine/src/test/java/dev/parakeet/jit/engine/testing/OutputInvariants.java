package dev.parakeet.jit.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.calc.AuxiliaryCatalogue;
import dev.parakeet.jit.engine.calc.AuxiliaryExercise;
import dev.parakeet.jit.engine.calc.BaseSetCalculator;
import dev.parakeet.jit.engine.calc.BaseSets;
import dev.parakeet.jit.engine.calc.LiftMuscles;
import dev.parakeet.jit.engine.calc.VolumeLandmarks;
import dev.parakeet.jit.engine.calc.WeightRounding;
import dev.parakeet.jit.engine.model.AppliedConstraint;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.DisruptionStatus;
import dev.parakeet.jit.engine.model.DisruptionType;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.Landmark;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.MenstrualPhase;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.RecentLog;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import dev.parakeet.jit.engine.model.WarmupSet;
import dev.parakeet.jit.engine.model.Weights;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;

/**
 * What every generated session must satisfy, whatever the strategy (SPEC §1.3, §2.7, §2.8, §4):
 * weights on the increment, between the floor and the Brzycki ceiling for their reps, consecutive
 * set numbers, the MRV respected by the main lift and cumulatively by main plus auxiliary work, no
 * auxiliary exercise of an injured lift's muscles heavier than the lift, warm-ups that ramp up to
 * the first working set, one auxiliary entry per active exercise, a skipped lift that is really
 * empty, and a model's session inside the over-reaction guard's envelope unless a signal allows
 * more. The rules are read from the spec here, not from the engine's classes (the catalogue and
 * the rounding function aside). Reusable by any module's tests.
 */
public final class OutputInvariants {

  private static final double EPS = 1e-6;

  private OutputInvariants() {}

  /** Asserts every invariant; a failure message ends with the offending input. */
  public static void assertValid(JitInput input, JitOutput out) {
    try {
      check(input, out);
      if (out.comparison() != null) {
        check(input, out.comparison().formulaOutput());
      }
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- input: " + input + "\n--- output: " + out, e);
    }
  }

  private static void check(JitInput input, JitOutput out) {
    FormulaConfig config = FormulaConfig.resolve(input.formulaConfig());
    double inc = config.roundingIncrementKg();
    BaseSets base =
        BaseSetCalculator.calculate(config, input.blockNumber(), input.intensityType(), input.oneRmKg());
    Map<Muscle, Landmark> landmarks = VolumeLandmarks.resolve(input.biologicalSex(), input.mrvMevConfig());
    List<PlannedSet> main = out.mainLiftSets();
    List<TrainingDisruption> relevant = relevantDisruptions(input);

    assertThat(out.sessionId()).isEqualTo(input.sessionId());
    assertThat(out.jitStrategy()).as("jit_strategy").isNotNull();

    // skipped ⇔ no main sets; a skipped lift has no warm-up and zero modifiers
    if (out.skippedMainLift()) {
      assertThat(main).as("main sets of a skipped lift").isEmpty();
      assertThat(out.warmupSets()).as("warm-ups of a skipped lift").isEmpty();
      assertThat(out.volumeModifier()).as("volumeModifier of a skipped lift").isZero();
      assertThat(out.intensityModifier()).as("intensityModifier of a skipped lift").isZero();
    } else {
      assertThat(main).as("a lift that is not skipped has at least one set").isNotEmpty();
      assertThat(out.volumeModifier()).as("volumeModifier = final sets ÷ base sets")
          .isCloseTo((double) main.size() / base.count(), Offset.offset(EPS));
    }
    if (relevant.stream().anyMatch(d -> d.severity() == Severity.MAJOR)) {
      assertThat(out.skippedMainLift()).as("a relevant major disruption skips the lift").isTrue();
      assertThat(out.auxiliaryWork()).as("…and suppresses its auxiliary work").allMatch(AuxiliaryWork::skipped);
    }

    // main weights: on the increment, at least the bar, not below the floor unless the Brzycki
    // ceiling for the set's reps is lower, and never above that ceiling (at the bar: reps cut)
    double floor = Math.max(Weights.BAR_KG, WeightRounding.round(0.40 * base.weightKg(), inc));
    double loadableBar = WeightRounding.roundUp(Weights.BAR_KG, inc);
    assertConsecutive(main, "main sets");
    for (PlannedSet set : main) {
      double weight = set.weightKg();
      double ceiling = WeightRounding.roundDown(input.oneRmKg() * (37 - set.reps()) / 36.0, inc);
      assertOnIncrement(weight, inc, "main weight");
      assertThat(set.reps()).as("reps").isPositive();
      assertThat(weight).as("main weight at least the bar").isGreaterThanOrEqualTo(Weights.BAR_KG - EPS);
      if (ceiling >= Weights.BAR_KG) {
        assertThat(weight).as("main weight %s ≤ Brzycki ceiling for %s reps", weight, set.reps())
            .isLessThanOrEqualTo(ceiling + EPS);
        assertThat(weight).as("main weight ≥ the floor (40 %% of base %s, the bar) or the ceiling", base.weightKg())
            .isGreaterThanOrEqualTo(Math.min(floor, ceiling) - EPS);
      } else {
        assertThat(weight).as("a ceiling under the bar leaves the set at the bar").isEqualTo(loadableBar);
        int most = (int) Math.floor(37 - 36 * loadableBar / input.oneRmKg() + 1e-9);
        assertThat(set.reps()).as("reps at the bar within what the lifter can do")
            .isLessThanOrEqualTo(Math.max(1, most));
      }
    }

    // MRV headroom of every primary muscle
    for (LiftMuscles.Contribution c : LiftMuscles.primary(input.primaryLift())) {
      double weekly = weekly(input, c.muscle());
      int mrv = landmarks.get(c.muscle()).mrv();
      double headroom = Math.floor((mrv - weekly) / c.perSet() + 1e-9);
      if (headroom < 1) {
        assertThat(out.skippedMainLift())
            .as("%s: %s of %s weekly sets leave no room — skipped", c.muscle(), weekly, mrv)
            .isTrue();
      } else {
        assertThat(main.size()).as("main sets within the %s headroom", c.muscle())
            .isLessThanOrEqualTo((int) headroom);
      }
    }

    // warm-ups: from the final first set, strictly increasing, lighter than it, numbered from 1
    List<WarmupSet> warmups = out.warmupSets();
    if (main.isEmpty()) {
      assertThat(warmups).as("no working sets, no warm-up").isEmpty();
    }
    double previous = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < warmups.size(); i++) {
      WarmupSet w = warmups.get(i);
      assertThat(w.setNumber()).as("warm-up set number").isEqualTo(i + 1);
      assertThat(w.weightKg()).as("warm-up weights strictly increase").isGreaterThan(previous);
      assertThat(w.weightKg()).as("warm-up lighter than the first working set")
          .isLessThan(main.get(0).weightKg());
      assertThat(w.weightKg()).as("warm-up at least the bar").isGreaterThanOrEqualTo(Weights.BAR_KG);
      if (w.weightKg() != Weights.BAR_KG) {
        assertOnIncrement(w.weightKg(), inc, "warm-up weight");
      }
      assertThat(w.reps()).isPositive();
      previous = w.weightKg();
    }

    checkAuxiliaryWork(input, out, landmarks, inc, relevant);

    if (out.jitStrategy() == JitStrategy.LLM || out.jitStrategy() == JitStrategy.HYBRID) {
      checkEnvelope(input, out, base, inc, relevant);
    }

    // every applied constraint is also a "[constraint]" warning
    for (AppliedConstraint applied : out.constraintsApplied()) {
      assertThat(out.warnings()).contains("[constraint] " + applied.detail());
    }
  }

  /**
   * One entry per active exercise in input order, catalogue reps at RPE 7.5, bodyweight at 0 kg,
   * nothing for a muscle rated 5, the injury protection, and the MRV of every muscle respected by
   * the week so far, today's main sets and all the auxiliary work kept today.
   */
  private static void checkAuxiliaryWork(
      JitInput input, JitOutput out, Map<Muscle, Landmark> landmarks, double inc, List<TrainingDisruption> relevant) {
    List<String> active = input.activeAuxiliaries() == null ? List.of() : input.activeAuxiliaries();
    assertThat(out.auxiliaryWork()).extracting(AuxiliaryWork::exercise).containsExactlyElementsOf(active);
    Map<Muscle, Integer> auxRatings =
        input.auxiliarySorenessRatings() != null && !input.auxiliarySorenessRatings().isEmpty()
            ? input.auxiliarySorenessRatings()
            : input.sorenessRatings();
    Severity injury = null;
    for (TrainingDisruption d : relevant) {
      if (d.disruptionType() == DisruptionType.INJURY && (injury == null || d.severity().compareTo(injury) > 0)) {
        injury = d.severity();
      }
    }
    List<Muscle> liftMuscles = LiftMuscles.primaryMuscles(input.primaryLift());
    double lightestMain =
        out.mainLiftSets().stream().mapToDouble(PlannedSet::weightKg).min().orElse(Double.NaN);
    Map<Muscle, Double> auxSets = new EnumMap<>(Muscle.class);
    for (AuxiliaryWork work : out.auxiliaryWork()) {
      if (work.skipped()) {
        assertThat(work.sets()).as("%s skipped has no sets", work.exercise()).isEmpty();
        assertThat(work.skipReason()).as("%s skip reason", work.exercise()).isNotBlank();
        continue;
      }
      AuxiliaryExercise row = AuxiliaryCatalogue.lookup(work.exercise(), input.primaryLift());
      assertThat(work.sets()).as("%s prescribed has sets", work.exercise()).isNotEmpty();
      assertConsecutive(work.sets(), work.exercise());
      for (PlannedSet set : work.sets()) {
        assertOnIncrement(set.weightKg(), inc, work.exercise() + " weight");
        assertThat(set.reps()).as("%s reps from the catalogue", work.exercise()).isEqualTo(row.reps());
        assertThat(set.rpeTarget()).isEqualTo(7.5);
        if (row.bodyweight()) {
          assertThat(set.weightKg()).as("%s is a bodyweight exercise", work.exercise()).isZero();
        }
      }
      boolean shares = row.muscles().stream().anyMatch(liftMuscles::contains);
      if (injury != null && shares) {
        assertThat(injury).as("%s shares a muscle with the injured lift", work.exercise()).isEqualTo(Severity.MINOR);
        assertThat(out.mainLiftSets()).as("%s kept under a minor injury only beside main sets", work.exercise())
            .isNotEmpty();
        for (PlannedSet set : work.sets()) {
          assertThat(set.weightKg()).as("%s no heavier than the injured lift", work.exercise())
              .isLessThanOrEqualTo(lightestMain + EPS);
        }
      }
      for (Muscle muscle : row.muscles()) {
        int rating = auxRatings == null ? 1 : auxRatings.getOrDefault(muscle, 1);
        assertThat(rating).as("%s trains %s rated 5", work.exercise(), muscle).isLessThan(5);
        auxSets.merge(muscle, (double) work.sets().size(), Double::sum);
      }
    }
    // cumulative: after the last exercise of each muscle, the week stays within its MRV
    for (Map.Entry<Muscle, Double> entry : auxSets.entrySet()) {
      Muscle muscle = entry.getKey();
      double projected =
          weekly(input, muscle) + out.mainLiftSets().size() * credit(input.primaryLift(), muscle) + entry.getValue();
      assertThat(projected).as("%s: week + main + auxiliary sets within the MRV", muscle)
          .isLessThanOrEqualTo(landmarks.get(muscle).mrv() + EPS);
    }
  }

  /**
   * SPEC §4 rule 0: a model moves the main lift at most one set below the base and to 90–105 % of
   * its weight unless a signal allows more (a deload never above its programme). Later rules may
   * still move it: the MRV cap (fewer sets, a skip), the Brzycki ceiling (lighter), the floor
   * (heavier).
   */
  private static void checkEnvelope(
      JitInput input, JitOutput out, BaseSets base, double inc, List<TrainingDisruption> relevant) {
    if (relevant.stream().anyMatch(d -> d.severity() == Severity.MAJOR)) {
      return;
    }
    boolean deload = input.intensityType() == IntensityType.DELOAD;
    boolean cut = !relevant.isEmpty() || effectiveSoreness(input) >= 4 || rpeTrend(input) >= 1.0 - 1e-9
        || (input.sleepQuality() != null && input.sleepQuality() <= 2) || deload;
    boolean easy = rpeTrend(input) <= -1.0 + 1e-9;
    List<ConstraintRule> rules = out.constraintsApplied().stream().map(AppliedConstraint::rule).toList();
    boolean capped = rules.contains(ConstraintRule.MRV_CAP);
    List<PlannedSet> main = out.mainLiftSets();
    double low = WeightRounding.round(0.90 * base.weightKg(), inc);
    double high = WeightRounding.round(1.05 * base.weightKg(), inc);
    if (!cut && !capped) {
      assertThat(out.skippedMainLift()).as("no cut signal: the model may not skip").isFalse();
      assertThat(main.size()).as("no cut signal: at most one set below the base")
          .isGreaterThanOrEqualTo(Math.max(1, base.count() - 1));
    }
    if (!cut && !rules.contains(ConstraintRule.WEIGHT_CEILING)) {
      for (PlannedSet set : main) {
        assertThat(set.weightKg()).as("no cut signal: not below round(0.90 × base)").isGreaterThanOrEqualTo(low - EPS);
      }
    }
    if (!easy || deload) {
      assertThat(main.size()).as("no easy signal (or a deload): no added sets").isLessThanOrEqualTo(base.count());
      if (!rules.contains(ConstraintRule.WEIGHT_FLOOR)) {
        double most = deload ? base.weightKg() : high;
        for (PlannedSet set : main) {
          assertThat(set.weightKg()).as("no easy signal: not above %s", most).isLessThanOrEqualTo(most + EPS);
        }
      }
    }
  }

  /** The relevant disruptions of SPEC §3 P1: not resolved, and naming today's lift or none. */
  public static List<TrainingDisruption> relevantDisruptions(JitInput input) {
    List<TrainingDisruption> relevant = new ArrayList<>();
    if (input.activeDisruptions() != null) {
      for (TrainingDisruption d : input.activeDisruptions()) {
        boolean resolved = d.status() == DisruptionStatus.RESOLVED;
        boolean lifts = d.affectedLifts() == null || d.affectedLifts().isEmpty()
            || d.affectedLifts().contains(input.primaryLift());
        if (!resolved && lifts) {
          relevant.add(d);
        }
      }
    }
    return relevant;
  }

  /** The worst primary-muscle rating, one higher (at most 5) in the late-luteal phase. */
  private static int effectiveSoreness(JitInput input) {
    int worst = 1;
    for (Muscle muscle : LiftMuscles.primaryMuscles(input.primaryLift())) {
      if (input.sorenessRatings() != null) {
        worst = Math.max(worst, input.sorenessRatings().getOrDefault(muscle, 1));
      }
    }
    return input.menstrualPhase() == MenstrualPhase.LATE_LUTEAL ? Math.min(5, worst + 1) : worst;
  }

  /** Mean actual − target of the two newest logs with an actual RPE; 0 with fewer. */
  private static double rpeTrend(JitInput input) {
    List<Double> deviations = new ArrayList<>();
    for (RecentLog log : input.recentLogs() == null ? List.<RecentLog>of() : input.recentLogs()) {
      if (log.actualRpe() != null && deviations.size() < 2) {
        deviations.add(log.actualRpe() - log.targetRpe());
      }
    }
    return deviations.size() < 2 ? 0 : (deviations.get(0) + deviations.get(1)) / 2;
  }

  private static double weekly(JitInput input, Muscle muscle) {
    Map<Muscle, Double> volume = input.weeklyVolumeToDate();
    return volume == null ? 0 : volume.getOrDefault(muscle, 0.0);
  }

  /** §2.4 as weekly volume counts it: the primary contributions, and squat → hamstrings 0.5. */
  private static double credit(Lift lift, Muscle muscle) {
    if (lift == Lift.SQUAT && muscle == Muscle.HAMSTRINGS) {
      return 0.5;
    }
    for (LiftMuscles.Contribution c : LiftMuscles.primary(lift)) {
      if (c.muscle() == muscle) {
        return c.perSet();
      }
    }
    return 0;
  }

  private static void assertConsecutive(List<PlannedSet> sets, String what) {
    for (int i = 0; i < sets.size(); i++) {
      assertThat(sets.get(i).setNumber()).as("%s numbered from 1", what).isEqualTo(i + 1);
    }
  }

  private static void assertOnIncrement(double weight, double increment, String what) {
    double multiples = weight / increment;
    assertThat(Math.abs(multiples - Math.rint(multiples)))
        .as("%s %s on the %s kg increment", what, weight, increment)
        .isLessThan(EPS);
  }
}

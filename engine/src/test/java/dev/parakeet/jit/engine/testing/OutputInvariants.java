package dev.parakeet.jit.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.calc.AuxiliaryCatalogue;
import dev.parakeet.jit.engine.calc.BaseSetCalculator;
import dev.parakeet.jit.engine.calc.BaseSets;
import dev.parakeet.jit.engine.calc.LiftMuscles;
import dev.parakeet.jit.engine.calc.VolumeLandmarks;
import dev.parakeet.jit.engine.calc.WeightRounding;
import dev.parakeet.jit.engine.model.AppliedConstraint;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.Landmark;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.WarmupSet;
import dev.parakeet.jit.engine.model.Weights;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import java.util.List;
import java.util.Map;

/**
 * What every generated session must satisfy, whatever the strategy (SPEC §1.3, §2.7, §2.8, §4):
 * weights on the increment and between the floor and the 1RM, consecutive set numbers, the MRV
 * headroom respected, warm-ups that ramp up to the first working set, one auxiliary entry per
 * active exercise, and a skipped lift that is really empty. Reusable by any module's tests.
 */
public final class OutputInvariants {

  private static final double EPS = 1e-6;

  private OutputInvariants() {}

  /** Asserts every invariant; a failure message ends with the offending input. */
  public static void assertValid(JitInput input, JitOutput out) {
    try {
      check(input, out);
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
          .isCloseTo((double) main.size() / base.count(), org.assertj.core.data.Offset.offset(EPS));
    }

    // main weights: on the increment, not above the 1RM, not below the floor (unless the ceiling is lower)
    double ceiling = WeightRounding.roundDown(input.oneRmKg(), inc);
    double fortyPercent = WeightRounding.round(0.40 * base.weightKg(), inc);
    double lowest = Math.min(ceiling, fortyPercent);
    double barAtIncrement = Math.min(ceiling, Weights.BAR_KG);
    assertConsecutive(main, "main sets");
    for (PlannedSet set : main) {
      assertOnIncrement(set.weightKg(), inc, "main weight");
      assertThat(set.weightKg()).as("main weight ≤ 1RM %s", input.oneRmKg()).isLessThanOrEqualTo(input.oneRmKg() + EPS);
      assertThat(set.weightKg()).as("main weight ≥ round(0.40 × base %s)", base.weightKg())
          .isGreaterThanOrEqualTo(lowest - EPS);
      assertThat(set.weightKg()).as("main weight ≥ the bar (unless the 1RM is lighter)")
          .isGreaterThanOrEqualTo(barAtIncrement - EPS);
      assertThat(set.reps()).as("reps").isPositive();
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

    // auxiliary work: one entry per active auxiliary, in input order
    List<String> active = input.activeAuxiliaries() == null ? List.of() : input.activeAuxiliaries();
    assertThat(out.auxiliaryWork()).extracting(AuxiliaryWork::exercise).containsExactlyElementsOf(active);
    Map<Muscle, Integer> auxRatings =
        input.auxiliarySorenessRatings() != null ? input.auxiliarySorenessRatings() : input.sorenessRatings();
    for (AuxiliaryWork work : out.auxiliaryWork()) {
      if (work.skipped()) {
        assertThat(work.sets()).as("%s skipped has no sets", work.exercise()).isEmpty();
        assertThat(work.skipReason()).as("%s skip reason", work.exercise()).isNotBlank();
        continue;
      }
      assertThat(work.sets()).as("%s prescribed has sets", work.exercise()).isNotEmpty();
      assertConsecutive(work.sets(), work.exercise());
      for (PlannedSet set : work.sets()) {
        assertOnIncrement(set.weightKg(), inc, work.exercise() + " weight");
        assertThat(set.reps()).isEqualTo(10);
        assertThat(set.rpeTarget()).isEqualTo(7.5);
      }
      for (Muscle muscle : AuxiliaryCatalogue.musclesOf(work.exercise(), input.primaryLift())) {
        int rating = auxRatings == null ? 1 : auxRatings.getOrDefault(muscle, 1);
        assertThat(rating).as("%s trains %s rated 5", work.exercise(), muscle).isLessThan(5);
        double projected =
            weekly(input, muscle) + main.size() * primaryContribution(input, muscle) + work.sets().size();
        assertThat(projected).as("%s keeps %s within its MRV", work.exercise(), muscle)
            .isLessThanOrEqualTo(landmarks.get(muscle).mrv() + EPS);
      }
    }

    // every applied constraint is also a "[constraint]" warning
    for (AppliedConstraint applied : out.constraintsApplied()) {
      assertThat(out.warnings()).contains("[constraint] " + applied.detail());
    }
  }

  private static double weekly(JitInput input, Muscle muscle) {
    Map<Muscle, Double> volume = input.weeklyVolumeToDate();
    return volume == null ? 0 : volume.getOrDefault(muscle, 0.0);
  }

  /** The §2.4 primary contribution; 0 for a muscle the lift does not train as a primary. */
  private static double primaryContribution(JitInput input, Muscle muscle) {
    for (LiftMuscles.Contribution c : LiftMuscles.primary(input.primaryLift())) {
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

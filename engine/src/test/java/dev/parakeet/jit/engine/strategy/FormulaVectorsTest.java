package dev.parakeet.jit.engine.strategy;

import static dev.parakeet.jit.engine.testing.Fixtures.f;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.DisruptionType;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitInputBuilder;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.RecentLog;
import dev.parakeet.jit.engine.model.RepsRange;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import dev.parakeet.jit.engine.model.WarmupSet;
import dev.parakeet.jit.engine.testing.Fixtures;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** VECTORS.md F1–F15, as written there. */
@DisplayName("Formula strategy: VECTORS.md F1–F15")
class FormulaVectorsTest {

  private static JitOutput generate(JitInputBuilder input) {
    return Fixtures.formula().generate(input.build());
  }

  /** "n×r @w" for the main sets, e.g. "2×5 @112.5". */
  private static String main(JitOutput out) {
    List<PlannedSet> sets = out.mainLiftSets();
    if (sets.isEmpty()) {
      return "none";
    }
    assertThat(sets).extracting(PlannedSet::weightKg).containsOnly(sets.get(0).weightKg());
    assertThat(sets).extracting(PlannedSet::reps).containsOnly(sets.get(0).reps());
    return sets.size() + "×" + sets.get(0).reps() + " @" + kg(sets.get(0).weightKg());
  }

  private static String warmups(JitOutput out) {
    return out.warmupSets().stream()
        .map(w -> kg(w.weightKg()) + "×" + w.reps())
        .collect(Collectors.joining(", "));
  }

  private static List<Double> warmupWeights(JitOutput out) {
    return out.warmupSets().stream().map(WarmupSet::weightKg).toList();
  }

  private static String aux(AuxiliaryWork work) {
    if (work.skipped()) {
      return "skipped";
    }
    return work.sets().size() + "×" + work.sets().get(0).reps() + " @" + kg(work.sets().get(0).weightKg());
  }

  private static List<String> aux(JitOutput out) {
    return out.auxiliaryWork().stream().map(FormulaVectorsTest::aux).toList();
  }

  private static String kg(double w) {
    return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
  }

  @Test
  void f1_noChange() {
    JitOutput out = generate(f());
    assertThat(main(out)).isEqualTo("2×5 @112.5");
    assertThat(warmups(out)).isEqualTo("45×5, 67.5×3, 85×2, 102.5×1");
    assertThat(aux(out)).containsExactly("3×5 @97.5", "3×5 @97.5");
    assertThat(out.auxiliaryWork()).extracting(AuxiliaryWork::exercise).containsExactly("Pause Squat", "Box Squat");
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA);
    assertThat(out.volumeModifier()).isEqualTo(1.0);
    assertThat(out.intensityModifier()).isEqualTo(1.0);
    assertThat(out.constraintsApplied()).isEmpty();
    assertThat(out.skippedMainLift()).isFalse();
    assertThat(out.sessionId()).isEqualTo("sess-001");
    assertThat(out.generatedAt()).isEqualTo(Fixtures.NOW);
    assertThat(out.mainLiftSets()).extracting(PlannedSet::rpeTarget).containsOnly(8.5);
  }

  @Test
  void f2_highSoreness() {
    JitOutput out = generate(f().soreness(Muscle.QUADS, 4));
    assertThat(main(out)).isEqualTo("1×5 @107.5");
    assertThat(warmupWeights(out)).containsExactly(42.5, 65.0, 80.0, 97.5);
    assertThat(aux(out)).containsExactly("2×5 @92.5", "2×5 @92.5");
    assertThat(String.join(" ", out.rationale())).containsIgnoringCase("soreness");
  }

  @Test
  void f3_severeSorenessGivesRecoverySession() {
    JitOutput out = generate(f().soreness(Muscle.QUADS, 5));
    assertThat(main(out)).isEqualTo("3×5 @45");
    assertThat(out.mainLiftSets()).extracting(PlannedSet::rpeTarget).containsOnly(5.0);
    assertThat(warmups(out)).isEqualTo("22.5×5, 35×2");
    assertThat(aux(out)).containsExactly("skipped", "skipped");
    assertThat(out.intensityModifier()).isEqualTo(0.40);
    assertThat(String.join(" ", out.rationale())).containsIgnoringCase("recovery session");
  }

  @Test
  void f4_moderateSoreness() {
    JitOutput out = generate(f().soreness(Muscle.QUADS, 3));
    assertThat(main(out)).isEqualTo("1×5 @112.5");
    assertThat(warmups(out)).isEqualTo("45×5, 67.5×3, 85×2, 102.5×1");
    assertThat(aux(out)).containsExactly("2×5 @97.5", "2×5 @97.5");
  }

  @Test
  void f5_rpeAboveTarget() {
    JitOutput out = generate(f().recentLogs(List.of(RecentLog.of(9.5, 8.5), RecentLog.of(9.5, 8.5))));
    assertThat(main(out)).isEqualTo("2×5 @110");
    assertThat(warmupWeights(out)).containsExactly(45.0, 65.0, 82.5, 100.0);
    assertThat(aux(out)).containsExactly("3×5 @97.5", "3×5 @97.5");
  }

  @Test
  void f6_rpeBelowTarget() {
    JitOutput out = generate(f().recentLogs(List.of(RecentLog.of(7.0, 8.5), RecentLog.of(7.0, 8.5))));
    assertThat(main(out)).isEqualTo("2×5 @115");
    assertThat(warmupWeights(out)).containsExactly(45.0, 70.0, 87.5, 102.5);
    assertThat(aux(out)).containsExactly("3×5 @97.5", "3×5 @97.5");
  }

  @Test
  void f7_oneLogIsNoTrend() {
    JitOutput out = generate(f().recentLogs(List.of(RecentLog.of(9.5, 8.5))));
    assertThat(main(out)).isEqualTo("2×5 @112.5");
    assertThat(warmups(out)).isEqualTo("45×5, 67.5×3, 85×2, 102.5×1");
    assertThat(aux(out)).containsExactly("3×5 @97.5", "3×5 @97.5");
  }

  @Test
  void f8_rpeIgnoredUnderHighSoreness() {
    JitOutput out =
        generate(
            f().soreness(Muscle.QUADS, 4)
                .recentLogs(List.of(RecentLog.of(9.5, 8.5), RecentLog.of(9.5, 8.5))));
    assertThat(main(out)).isEqualTo("1×5 @107.5"); // stacking would give 105
    assertThat(warmupWeights(out)).containsExactly(42.5, 65.0, 80.0, 97.5);
    assertThat(aux(out)).containsExactly("2×5 @92.5", "2×5 @92.5");
    assertThat(String.join(" ", out.rationale())).containsIgnoringCase("RPE").containsIgnoringCase("ignored");
  }

  @Test
  void f9_disruptionWinsOverSoreness() {
    JitOutput out =
        generate(
            f().soreness(Muscle.QUADS, 4)
                .disruption(
                    TrainingDisruption.of(
                        DisruptionType.INJURY, Severity.MODERATE, List.of(Lift.SQUAT), "left knee")));
    assertThat(main(out)).isEqualTo("1×5 @67.5");
    assertThat(warmupWeights(out)).containsExactly(27.5, 40.0, 50.0, 60.0);
    // both share quads and glutes with the injured squat (§4 rule 6b)
    assertThat(aux(out)).containsExactly("skipped", "skipped");
    assertThat(out.warnings()).contains("[constraint] injury — Pause Squat skipped", "[constraint] injury — Box Squat skipped");
    assertThat(out.auxiliaryWork()).extracting(AuxiliaryWork::skipReason)
        .containsExactly(
            "Injury: shares quads and glutes with the injured squat",
            "Injury: shares quads and glutes with the injured squat");
    assertThat(out.rationale()).contains(
        "Injury protection: auxiliary work on the squat's muscles (quads, glutes, lower back) is skipped today.");
    assertThat(String.join(" ", out.rationale())).contains("left knee");
  }

  @Test
  void f10_majorInjurySkipsTheLift() {
    JitOutput out =
        generate(
            f().disruption(
                TrainingDisruption.of(DisruptionType.INJURY, Severity.MAJOR, List.of(Lift.SQUAT), null)));
    assertThat(out.skippedMainLift()).isTrue();
    assertThat(out.mainLiftSets()).isEmpty();
    assertThat(out.warmupSets()).isEmpty();
    assertThat(aux(out)).containsExactly("skipped", "skipped");
    assertThat(out.auxiliaryWork())
        .extracting(AuxiliaryWork::skipReason)
        .containsOnly("Main lift skipped — auxiliary suppressed");
    assertThat(out.volumeModifier()).isZero();
    assertThat(out.intensityModifier()).isZero();
  }

  @Test
  void f11_mrvCapsBlock3RepDay() {
    JitOutput out =
        generate(f().blockNumber(3).intensityType(IntensityType.REP).weeklyVolume(Muscle.QUADS, 18));
    assertThat(main(out)).isEqualTo("2×3 @120");
    assertThat(out.mainLiftSets()).extracting(PlannedSet::repsRange).containsOnly(new RepsRange(3, 5));
    assertThat(warmupWeights(out)).containsExactly(47.5, 72.5, 90.0, 107.5);
    assertThat(aux(out)).containsExactly("skipped", "skipped");
    assertThat(out.auxiliaryWork()).allSatisfy(w -> assertThat(w.skipReason()).isEqualTo("MRV reached for quads"));
    assertThat(out.constraintsApplied())
        .extracting(c -> c.rule())
        .contains(ConstraintRule.MRV_CAP);
    assertThat(out.constraintsApplied().get(0).detail()).contains("3").contains("2");
  }

  @Test
  void f12_atMrvSkipsTheLift() {
    JitOutput out = generate(f().weeklyVolume(Muscle.QUADS, 20));
    assertThat(out.skippedMainLift()).isTrue();
    assertThat(out.mainLiftSets()).isEmpty();
    assertThat(out.warmupSets()).isEmpty();
    assertThat(aux(out)).containsExactly("skipped", "skipped");
    assertThat(out.warnings()).contains("[constraint] MRV reached for quads — main lift skipped");
  }

  @Test
  void f13_deload() {
    JitOutput out = generate(f().intensityType(IntensityType.DELOAD));
    assertThat(main(out)).isEqualTo("3×5 @55");
    assertThat(out.mainLiftSets()).extracting(PlannedSet::rpeTarget).containsOnly(5.0);
    assertThat(warmupWeights(out)).containsExactly(22.5, 32.5, 42.5, 50.0);
    // 97.5 × 0.5 = 48.75 → 50
    assertThat(aux(out)).containsExactly("2×5 @50", "2×5 @50");
  }

  @Test
  void f14_lightLifterGetsMinimalWarmup() {
    JitOutput out = generate(f().oneRmKg(40.0));
    assertThat(main(out)).isEqualTo("2×5 @32.5");
    assertThat(warmups(out)).isEqualTo("20×5, 25×2");
    // 0.70 × 40 = 28 → 27.5
    assertThat(aux(out)).containsExactly("3×5 @27.5", "3×5 @27.5");
  }

  @Test
  void f15_deadliftBlock3Heavy() {
    JitOutput out =
        generate(f().primaryLift(Lift.DEADLIFT).blockNumber(3).oneRmKg(180.0));
    assertThat(main(out)).isEqualTo("4×1 @162.5");
    assertThat(out.mainLiftSets()).extracting(PlannedSet::repsRange).containsOnly(new RepsRange(1, 2));
    assertThat(out.mainLiftSets()).extracting(PlannedSet::rpeTarget).containsOnly(9.5);
    assertThat(warmupWeights(out)).containsExactly(65.0, 97.5, 122.5, 147.5);
    // no allOneRmKg: the squat exercises load from today's 1RM, 0.70 × 180 = 126 → 125
    assertThat(aux(out)).containsExactly("3×5 @125", "3×5 @125");
  }

  @Test
  void sameInputAndClockGiveTheSameOutput() {
    JitInput input = f().soreness(Muscle.GLUTES, 3).build();
    assertThat(Fixtures.formula().generate(input)).isEqualTo(Fixtures.formula().generate(input));
  }
}

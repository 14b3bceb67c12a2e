package dev.parakeet.jit.engine.strategy;

import static dev.parakeet.jit.engine.testing.Describe.aux;
import static dev.parakeet.jit.engine.testing.Describe.main;
import static dev.parakeet.jit.engine.testing.Describe.warmups;
import static dev.parakeet.jit.engine.testing.Fixtures.f;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.AppliedConstraint;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.DisruptionType;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInputBuilder;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import dev.parakeet.jit.engine.model.config.BlockConfig;
import dev.parakeet.jit.engine.model.config.FixedScheme;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.testing.Adjustments;
import dev.parakeet.jit.engine.testing.FakeAdjustmentModel;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.testing.OutputInvariants;
import dev.parakeet.jit.engine.testing.RecordingStrategyEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * VECTORS.md V1–V12: catalogue loads, injury protection and cumulative MRV on auxiliary work, the
 * Brzycki ceiling and the over-reaction guard. Fixture F: squat, block 1 heavy, 1RM 140, Pause
 * Squat and Box Squat.
 */
@DisplayName("Prescriptions: VECTORS.md V1–V12")
class PrescriptionVectorsTest {

  private static JitOutput formula(JitInputBuilder input) {
    JitOutput out = Fixtures.formula().generate(input.build());
    OutputInvariants.assertValid(input.build(), out);
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA);
    return out;
  }

  private static JitOutput llm(JitInputBuilder input, JitAdjustment adjustment) {
    RecordingStrategyEvents events = new RecordingStrategyEvents();
    JitOutput out =
        Fixtures.llm(FakeAdjustmentModel.answering(adjustment), java.time.Duration.ofSeconds(5), events)
            .generate(input.build());
    OutputInvariants.assertValid(input.build(), out);
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.LLM);
    assertThat(events.modelFailures()).isEmpty();
    return out;
  }

  private static List<ConstraintRule> rules(JitOutput out) {
    return out.constraintsApplied().stream().map(AppliedConstraint::rule).toList();
  }

  private static final String F1_WARMUPS = "45×5, 67.5×3, 85×2, 102.5×1";

  @Test
  void v1_otherLiftsOneRepMaxesLoadTheirExercises() {
    JitInputBuilder withOthers =
        f().allOneRmKg(Map.of(Lift.DEADLIFT, 200.0, Lift.BENCH, 100.0))
            .activeAuxiliaries(List.of("Romanian Deadlift", "Overhead Press"));

    JitOutput out = formula(withOthers);

    assertThat(main(out)).isEqualTo("2×5 @112.5");
    // 0.55 × 200 = 110; 0.55 × 100 = 55
    assertThat(aux(out)).containsExactly("3×8 @110", "3×8 @55");
    // without allOneRmKg both load from today's 140: 77 → 77.5
    JitOutput without = formula(f().activeAuxiliaries(List.of("Romanian Deadlift", "Overhead Press")));
    assertThat(aux(without)).containsExactly("3×8 @77.5", "3×8 @77.5");
  }

  @Test
  void v2_bodyweightExercisesWeighNothing() {
    JitOutput out =
        formula(f().primaryLift(Lift.BENCH).oneRmKg(100.0).activeAuxiliaries(List.of("Dips", "Pull-Up")));

    assertThat(main(out)).isEqualTo("2×5 @80");
    assertThat(warmups(out)).isEqualTo("32.5×5, 47.5×3, 60×2, 72.5×1");
    assertThat(aux(out)).containsExactly("3×10 @0", "3×8 @0");
    assertThat(out.auxiliaryWork()).flatExtracting(AuxiliaryWork::sets).extracting(PlannedSet::weightKg).containsOnly(0.0);
  }

  @Test
  void v3_unknownExercisesAndOtherSpellings() {
    JitOutput out = formula(f().activeAuxiliaries(List.of("Zercher Squat", "Good Mornings")));

    assertThat(main(out)).isEqualTo("2×5 @112.5");
    // unknown: the squat's muscles, 0.50 × 140 = 70 for 10; "Good Mornings" is Good Morning: 49 → 50
    assertThat(aux(out)).containsExactly("3×10 @70", "3×10 @50");
  }

  @Test
  void v4_aMinorInjuryCapsTheLiftsOwnAccessoriesAtItsWorkingWeight() {
    JitInputBuilder input =
        f().primaryLift(Lift.DEADLIFT).oneRmKg(200.0).allOneRmKg(Map.of(Lift.BENCH, 120.0))
            .disruption(TrainingDisruption.of(DisruptionType.INJURY, Severity.MINOR, List.of(Lift.DEADLIFT), null))
            .activeAuxiliaries(List.of("Block Pull", "Barbell Curl"));

    JitOutput out = formula(input);

    // 160 × 0.80 = 128 → 127.5
    assertThat(main(out)).isEqualTo("2×5 @127.5");
    assertThat(warmups(out)).isEqualTo("50×5, 77.5×3, 95×2, 115×1");
    // Block Pull 170 × 0.80 = 136 → 135, capped at 127.5; Barbell Curl 30 × 0.80 = 24 → 25, not capped
    assertThat(aux(out)).containsExactly("3×4 @127.5", "3×10 @25");
    assertThat(rules(out)).containsExactly(ConstraintRule.AUXILIARY);
    assertThat(out.constraintsApplied().get(0).detail()).contains("Block Pull").contains("127.5 kg");
  }

  @Test
  void v5_aModerateInjurySkipsTheLiftsOwnAccessoriesAndLightensTheRest() {
    JitInputBuilder input =
        f().primaryLift(Lift.BENCH).oneRmKg(100.0)
            .disruption(TrainingDisruption.of(DisruptionType.INJURY, Severity.MODERATE, List.of(Lift.BENCH), null))
            .activeAuxiliaries(List.of("Close-Grip Bench", "Barbell Row"));

    JitOutput out = formula(input);

    assertThat(main(out)).isEqualTo("1×5 @47.5");
    assertThat(warmups(out)).isEqualTo("20×5, 27.5×3, 35×2, 42.5×1");
    // Barbell Row: 0.40 × 100 = 40, × 0.60 = 24 → 25, at most 2 sets
    assertThat(aux(out)).containsExactly("skipped", "2×8 @25");
    assertThat(out.warnings()).containsExactly("[constraint] injury — Close-Grip Bench skipped");
  }

  @Test
  void v6_auxiliaryWorkCountsCumulativelyAgainstTheMrv() {
    JitOutput out =
        formula(f().weeklyVolume(Muscle.QUADS, 14).activeAuxiliaries(List.of("Leg Press", "Front Squat")));

    assertThat(main(out)).isEqualTo("2×5 @112.5");
    // quads: 14 + 2 main = 16, room 4 → Leg Press keeps 3; then 16 + 3 = 19, room 1 → Front Squat 1 set
    assertThat(aux(out)).containsExactly("3×12 @70", "1×5 @90");
    assertThat(out.constraintsApplied()).extracting(AppliedConstraint::detail)
        .containsExactly("Front Squat capped from 3 to 1 sets — MRV of quads");
  }

  @Test
  void v7_noSetAboveWhatTheLifterCanDoForItsReps() {
    FormulaConfig heavierBlock2 =
        new FormulaConfig(
            null, new BlockConfig(new FixedScheme(0.95, null, null, null, null), null, null), null, null, null,
            null, null);

    JitOutput out = formula(f().blockNumber(2).formulaConfig(heavierBlock2));

    // 0.95 × 140 = 133 → 132.5, above 140 × (37 − 3) ÷ 36 = 132.2 → 130
    assertThat(main(out)).isEqualTo("2×3 @130");
    assertThat(warmups(out)).isEqualTo("52.5×5, 77.5×3, 97.5×2, 117.5×1");
    assertThat(aux(out)).containsExactly("3×5 @97.5", "3×5 @97.5");
    assertThat(rules(out)).containsExactly(ConstraintRule.WEIGHT_CEILING);
  }

  @Test
  void v8_withoutAnEasySignalAModelMayNotPushPastTheEnvelope() {
    JitOutput out = llm(f(), Adjustments.adjustment(1.15, 1));

    // round(1.05 × 112.5) = 117.5, and the base 2 sets
    assertThat(main(out)).isEqualTo("2×5 @117.5");
    assertThat(warmups(out)).isEqualTo("47.5×5, 70×3, 87.5×2, 105×1");
    assertThat(aux(out)).containsExactly("3×5 @97.5", "3×5 @97.5");
    assertThat(rules(out)).containsExactly(ConstraintRule.OVERREACTION_GUARD);
    assertThat(out.rationale()).anySatisfy(line -> assertThat(line).startsWith("Over-reaction guard:"));
  }

  @Test
  void v9_poorSleepIsACutSignal() {
    JitOutput out = llm(f().sleepQuality(2.0), Adjustments.adjustment(0.70, -1));

    // used as proposed: 0.70 × 112.5 = 78.75 → 80
    assertThat(main(out)).isEqualTo("1×5 @80");
    assertThat(warmups(out)).isEqualTo("32.5×5, 47.5×3, 60×2, 72.5×1");
    assertThat(aux(out)).containsExactly("3×5 @97.5", "3×5 @97.5");
    assertThat(out.constraintsApplied()).isEmpty();
  }

  @Test
  void v10_aCeilingUnderTheBarLeavesTheSetAtTheBarWithFewerReps() {
    JitOutput out = formula(f().oneRmKg(22.0));

    // the 40 % floor puts the sets at the bar; 22 × 32 ÷ 36 = 19.6 → 17.5 for 5 reps is below it:
    // at the bar, floor(37 − 36 × 20 ÷ 22) = 4 reps
    assertThat(main(out)).isEqualTo("2×4 @20");
    assertThat(out.warmupSets()).isEmpty();
    // 0.70 × 22 = 15.4 → 15
    assertThat(aux(out)).containsExactly("3×5 @15", "3×5 @15");
    assertThat(rules(out)).containsExactly(ConstraintRule.WEIGHT_FLOOR, ConstraintRule.WEIGHT_CEILING);
  }

  @Test
  void v11_halfASetOfRoomIsNoRoom() {
    JitOutput out = formula(f().weeklyVolume(Muscle.QUADS, 19.5));

    assertThat(out.skippedMainLift()).isTrue();
    assertThat(out.warnings()).contains("[constraint] MRV reached for quads — main lift skipped");
    assertThat(aux(out)).containsExactly("skipped", "skipped");
    assertThat(out.auxiliaryWork()).extracting(AuxiliaryWork::skipReason).containsOnly("MRV reached for quads");
  }

  @Test
  void v12_aModelMayNotTrainThroughAMajorDisruption() {
    JitOutput out =
        llm(
            f().disruption(TrainingDisruption.of(DisruptionType.INJURY, Severity.MAJOR, List.of(Lift.SQUAT), null)),
            Adjustments.adjustment(1.0, 0));

    assertThat(out.skippedMainLift()).isTrue();
    assertThat(out.mainLiftSets()).isEmpty();
    assertThat(out.warmupSets()).isEmpty();
    assertThat(aux(out)).containsExactly("skipped", "skipped");
    assertThat(out.auxiliaryWork()).extracting(AuxiliaryWork::skipReason)
        .containsOnly("Main lift skipped — auxiliary suppressed");
    assertThat(rules(out)).containsExactly(ConstraintRule.MAJOR_DISRUPTION);
  }

  @Test
  void v8_onADeloadEvenAnEasySignalDoesNotRaiseTheSession() {
    JitInputBuilder deloadEasy =
        f().intensityType(IntensityType.DELOAD)
            .recentLogs(List.of(
                dev.parakeet.jit.engine.model.RecentLog.of(7.0, 8.5),
                dev.parakeet.jit.engine.model.RecentLog.of(7.0, 8.5)));

    JitOutput out = llm(deloadEasy, Adjustments.adjustment(1.2, 2));

    // the deload base: 3×5 @55 — never above it
    assertThat(main(out)).isEqualTo("3×5 @55");
    assertThat(rules(out)).containsExactly(ConstraintRule.OVERREACTION_GUARD);
  }
}

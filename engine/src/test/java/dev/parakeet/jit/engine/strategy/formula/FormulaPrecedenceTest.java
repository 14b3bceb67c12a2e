package dev.parakeet.jit.engine.strategy.formula;

import static dev.parakeet.jit.engine.testing.Describe.aux;
import static dev.parakeet.jit.engine.testing.Describe.main;
import static dev.parakeet.jit.engine.testing.Describe.rationale;
import static dev.parakeet.jit.engine.testing.Describe.warmups;
import static dev.parakeet.jit.engine.testing.Describe.warnings;
import static dev.parakeet.jit.engine.testing.Fixtures.f;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.DisruptionStatus;
import dev.parakeet.jit.engine.model.DisruptionType;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInputBuilder;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.MenstrualPhase;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.RecentLog;
import dev.parakeet.jit.engine.model.RepsRange;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import dev.parakeet.jit.engine.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §3 beyond the VECTORS.md rows. Fixture F is squat, block 1 heavy, 1RM 140: base 2×5 @112.5,
 * RPE 8.5; auxiliaries Pause Squat and Box Squat (quads, glutes) at 3×5 @97.5 (0.70 × 140).
 */
@DisplayName("Formula strategy: precedence P0–P5, recency and floors (SPEC §3)")
class FormulaPrecedenceTest {

  private static final List<RecentLog> HARDER = List.of(RecentLog.of(9.5, 8.5), RecentLog.of(9.5, 8.5));

  private static JitOutput generate(JitInputBuilder input) {
    return Fixtures.formula().generate(input.build());
  }

  private static TrainingDisruption disruption(DisruptionType type, Severity severity, List<Lift> lifts) {
    return TrainingDisruption.of(type, severity, lifts, null);
  }

  private static TrainingDisruption withStatus(
      DisruptionType type, Severity severity, List<Lift> lifts, DisruptionStatus status) {
    return new TrainingDisruption(type, severity, lifts, "described", status, null, null, null, null);
  }

  private static final TrainingDisruption MODERATE_SQUAT_INJURY =
      TrainingDisruption.of(DisruptionType.INJURY, Severity.MODERATE, List.of(Lift.SQUAT), "sore knee");

  @Nested
  @DisplayName("P0 — a deload is never reduced further")
  class Deload {

    private JitInputBuilder deload() {
      return f().intensityType(IntensityType.DELOAD);
    }

    @Test
    void severeSorenessLeavesTheDeloadUnchanged() {
      JitOutput out = generate(deload().soreness(Muscle.QUADS, 5));

      assertThat(main(out)).isEqualTo("3×5 @55");
      assertThat(out.mainLiftSets()).extracting(PlannedSet::rpeTarget).containsOnly(5.0);
      assertThat(out.intensityModifier()).isEqualTo(1.0);
      // not a recovery session: the configured (standard) warm-up, as in F13
      assertThat(warmups(out)).isEqualTo("22.5×5, 32.5×3, 42.5×2, 50×1");
      // auxiliary work still follows §2.8 step 2 on a deload: quads rated 5
      assertThat(aux(out)).containsExactly("skipped", "skipped");
    }

    @Test
    void minorOrModerateDisruptionLeavesItUnchangedAndIsNoted() {
      JitOutput moderate = generate(deload().disruption(MODERATE_SQUAT_INJURY));
      JitOutput minor =
          generate(deload().disruption(disruption(DisruptionType.FATIGUE, Severity.MINOR, null)));

      assertThat(main(moderate)).isEqualTo("3×5 @55");
      assertThat(rationale(moderate)).contains("sore knee");
      assertThat(main(minor)).isEqualTo("3×5 @55");
      assertThat(rationale(minor)).contains("fatigue");
      assertThat(moderate.intensityModifier()).isEqualTo(1.0);
      assertThat(moderate.volumeModifier()).isEqualTo(1.0);
    }

    @Test
    void rpeRecencyAndHighSorenessLeaveItUnchanged() {
      JitOutput out = generate(deload().recentLogs(HARDER).daysSinceLastSession(10).soreness(Muscle.QUADS, 4));

      assertThat(main(out)).isEqualTo("3×5 @55");
      // its auxiliary work still reacts to quads 4: 2 sets at round(50 × 0.95 = 47.5)
      assertThat(aux(out)).containsExactly("2×5 @47.5", "2×5 @47.5");
    }

    @Test
    void lateLutealPhaseLeavesItUnchanged() {
      JitOutput out = generate(deload().menstrualPhase(MenstrualPhase.LATE_LUTEAL).soreness(Muscle.QUADS, 4));

      assertThat(main(out)).isEqualTo("3×5 @55");
    }

    @Test
    void aMajorDisruptionStillSkipsIt() {
      JitOutput out = generate(deload().disruption(disruption(DisruptionType.ILLNESS, Severity.MAJOR, null)));

      assertThat(out.skippedMainLift()).isTrue();
      assertThat(out.mainLiftSets()).isEmpty();
      assertThat(out.warmupSets()).isEmpty();
      assertThat(out.auxiliaryWork())
          .extracting(AuxiliaryWork::skipReason)
          .containsOnly("Main lift skipped — auxiliary suppressed");
    }
  }

  @Nested
  @DisplayName("Which disruptions count (P1)")
  class Relevance {

    @Test
    void resolvedDisruptionsAreIgnored() {
      JitOutput out =
          generate(
              f().disruption(withStatus(DisruptionType.INJURY, Severity.MAJOR, List.of(Lift.SQUAT), DisruptionStatus.RESOLVED))
                  .disruption(withStatus(DisruptionType.INJURY, Severity.MODERATE, null, DisruptionStatus.RESOLVED)));

      assertThat(out.skippedMainLift()).isFalse();
      assertThat(main(out)).isEqualTo("2×5 @112.5");
      assertThat(aux(out)).containsExactly("3×5 @97.5", "3×5 @97.5");
    }

    @Test
    void disruptionsOfOtherLiftsAreIgnored() {
      JitOutput out =
          generate(
              f().disruption(disruption(DisruptionType.INJURY, Severity.MAJOR, List.of(Lift.BENCH, Lift.DEADLIFT)))
                  .disruption(disruption(DisruptionType.INJURY, Severity.MODERATE, List.of(Lift.BENCH))));

      assertThat(out.skippedMainLift()).isFalse();
      assertThat(main(out)).isEqualTo("2×5 @112.5");
    }

    @Test
    void nullOrEmptyAffectedLiftsMeansEveryLift() {
      // moderate injury: ceil(2/2) = 1 set at 112.5 × 0.60 = 67.5
      assertThat(main(generate(f().disruption(disruption(DisruptionType.INJURY, Severity.MODERATE, null)))))
          .isEqualTo("1×5 @67.5");
      assertThat(main(generate(f().disruption(disruption(DisruptionType.INJURY, Severity.MODERATE, List.of())))))
          .isEqualTo("1×5 @67.5");
      assertThat(generate(f().disruption(disruption(DisruptionType.TRAVEL, Severity.MAJOR, List.of()))).skippedMainLift())
          .isTrue();
    }

    @ParameterizedTest(name = "status {0} counts")
    @EnumSource(value = DisruptionStatus.class, names = {"ACTIVE", "MONITORING"})
    void activeAndMonitoringDisruptionsCount(DisruptionStatus status) {
      JitOutput out =
          generate(f().disruption(withStatus(DisruptionType.INJURY, Severity.MODERATE, List.of(Lift.SQUAT), status)));

      assertThat(main(out)).isEqualTo("1×5 @67.5");
    }

    @Test
    void missingStatusMeansActive() {
      JitOutput out = generate(f().disruption(withStatus(DisruptionType.INJURY, Severity.MAJOR, null, null)));

      assertThat(out.skippedMainLift()).isTrue();
    }

    @Test
    void aMajorDisruptionOutranksSevereSoreness() {
      JitOutput out =
          generate(f().soreness(Muscle.QUADS, 5).disruption(disruption(DisruptionType.INJURY, Severity.MAJOR, null)));

      assertThat(out.skippedMainLift()).isTrue();
      assertThat(out.auxiliaryWork()).allSatisfy(w -> assertThat(w.skipped()).isTrue());
    }
  }

  @Nested
  @DisplayName("P2 — soreness 5 is a recovery session, whatever else")
  class Recovery {

    @Test
    void recoveryOutranksAModerateDisruption() {
      JitOutput out = generate(f().soreness(Muscle.QUADS, 5).disruption(MODERATE_SQUAT_INJURY));

      assertThat(main(out)).isEqualTo("3×5 @45");
      assertThat(out.intensityModifier()).isEqualTo(0.40);
      assertThat(warmups(out)).isEqualTo("22.5×5, 35×2");
      assertThat(aux(out)).containsExactly("skipped", "skipped");
    }

    @Test
    void recoverySkipsEveryAuxiliaryEvenOnUntouchedMuscles() {
      JitOutput out = generate(f().soreness(Muscle.LOWER_BACK, 5).activeAuxiliaries(List.of("Barbell Row", "Barbell Curl")));

      assertThat(main(out)).isEqualTo("3×5 @45");
      assertThat(aux(out)).containsExactly("skipped", "skipped");
    }

    @Test
    void recoveryOfALightLifterIsAtLeastTheBar() {
      // 1RM 40: base 32.5, 0.40 × 32.5 = 13 → 12.5 → the bar
      JitOutput out = generate(f().oneRmKg(40.0).soreness(Muscle.GLUTES, 5));

      assertThat(main(out)).isEqualTo("3×5 @20");
      assertThat(out.warmupSets()).isEmpty();
    }
  }

  @Nested
  @DisplayName("P3 — other relevant disruptions: the protocol, and nothing else")
  class DisruptionProtocolTable {

    /** F: base 2×5 @112.5. Weight = round(112.5 × multiplier); moderate → ceil(2/2) = 1 set. */
    @ParameterizedTest(name = "{0} {1}: × {2} → {3}")
    @CsvSource({
      "INJURY, MINOR, 0.80, 2×5 @90",
      "INJURY, MODERATE, 0.60, 1×5 @67.5",
      "ILLNESS, MINOR, 1.00, 2×3 @112.5",
      // 84.375 → 85
      "ILLNESS, MODERATE, 0.75, 1×3 @85",
      // 78.75 → 80
      "TRAVEL, MINOR, 0.70, 2×5 @80",
      "TRAVEL, MODERATE, 0.70, 1×5 @80",
      // 101.25 → 102.5
      "FATIGUE, MINOR, 0.90, 2×5 @102.5",
      "FATIGUE, MODERATE, 0.80, 1×5 @90",
      "EQUIPMENT_UNAVAILABLE, MINOR, 1.00, 2×5 @112.5",
      "EQUIPMENT_UNAVAILABLE, MODERATE, 1.00, 1×5 @112.5",
      "UNPROGRAMMED_EVENT, MINOR, 1.00, 2×5 @112.5",
      "UNPROGRAMMED_EVENT, MODERATE, 0.90, 1×5 @102.5",
      "OTHER, MINOR, 1.00, 2×5 @112.5",
      "OTHER, MODERATE, 0.90, 1×5 @102.5"
    })
    void multiplierTable(DisruptionType type, Severity severity, double multiplier, String expected) {
      JitOutput out = generate(f().disruption(disruption(type, severity, List.of(Lift.SQUAT))));

      assertThat(main(out)).isEqualTo(expected);
      assertThat(out.intensityModifier()).isEqualTo(multiplier);
      assertThat(out.skippedMainLift()).isFalse();
      assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA);
    }

    @Test
    void severalDisruptionsTakeTheLowestMultiplierAndTheWorstSeverity() {
      // fatigue minor 0.90 + travel minor 0.70 → × 0.70, minor: 2 sets at 78.75 → 80
      assertThat(
              main(
                  generate(
                      f().disruption(disruption(DisruptionType.FATIGUE, Severity.MINOR, null))
                          .disruption(disruption(DisruptionType.TRAVEL, Severity.MINOR, null)))))
          .isEqualTo("2×5 @80");
      // injury minor 0.80 + equipment moderate 1.00 → × 0.80 from one, moderate from the other
      JitOutput mixed =
          generate(
              f().disruption(disruption(DisruptionType.INJURY, Severity.MINOR, null))
                  .disruption(disruption(DisruptionType.EQUIPMENT_UNAVAILABLE, Severity.MODERATE, null)));
      assertThat(main(mixed)).isEqualTo("1×5 @90");
      assertThat(mixed.intensityModifier()).isEqualTo(0.80);
    }

    @Test
    void aResolvedMajorAlongsideAnActiveMinorOnlyAppliesTheMinor() {
      JitOutput out =
          generate(
              f().disruption(withStatus(DisruptionType.INJURY, Severity.MAJOR, null, DisruptionStatus.RESOLVED))
                  .disruption(disruption(DisruptionType.FATIGUE, Severity.MINOR, null)));

      assertThat(main(out)).isEqualTo("2×5 @102.5");
    }

    @Test
    void moderateHalvesAnOddSetCountRoundingUp() {
      // block 1 explosive: 3×8 @90 → ceil(3/2) = 2 sets at 90 × 0.80 = 72 → 72.5
      JitOutput explosive =
          generate(
              f().intensityType(IntensityType.EXPLOSIVE)
                  .disruption(disruption(DisruptionType.FATIGUE, Severity.MODERATE, null)));
      assertThat(main(explosive)).isEqualTo("2×8 @72.5");
      assertThat(explosive.volumeModifier()).isEqualTo(2.0 / 3.0);

      // block 3 heavy: 4×1 @125 → 2 sets at 125 × 0.70 = 87.5, the rep range kept
      JitOutput heavy =
          generate(f().blockNumber(3).disruption(disruption(DisruptionType.TRAVEL, Severity.MODERATE, null)));
      assertThat(heavy.mainLiftSets())
          .containsExactly(
              new PlannedSet(1, 87.5, 1, 9.5, new RepsRange(1, 2)),
              new PlannedSet(2, 87.5, 1, 9.5, new RepsRange(1, 2)));
    }

    @ParameterizedTest(name = "block {0} {1}: illness takes 2 reps, at least 1 → {2}")
    @CsvSource({
      "1, HEAVY, 2×3 @112.5",
      "2, HEAVY, 2×1 @120",
      "3, HEAVY, 4×1 @125",
      "3, EXPLOSIVE, 2×1 @105",
      "1, REP, 3×6 @97.5"
    })
    void illnessTakesTwoRepsWithAMinimumOfOne(int block, IntensityType intensity, String expected) {
      JitOutput out =
          generate(
              f().blockNumber(block).intensityType(intensity)
                  .disruption(disruption(DisruptionType.ILLNESS, Severity.MINOR, null)));

      assertThat(main(out)).isEqualTo(expected);
    }

    @Test
    void otherSignalsAreNotAppliedOnTop() {
      // fatigue minor alone gives 2×5 @102.5; soreness 3, a hard RPE trend and 10 days off change nothing
      JitOutput out =
          generate(
              f().disruption(disruption(DisruptionType.FATIGUE, Severity.MINOR, null))
                  .soreness(Muscle.QUADS, 3)
                  .recentLogs(HARDER)
                  .daysSinceLastSession(10));

      assertThat(main(out)).isEqualTo("2×5 @102.5");
    }

    @Test
    void rationaleCarriesTheDescriptionOrTheType() {
      assertThat(rationale(generate(f().disruption(MODERATE_SQUAT_INJURY)))).contains("sore knee");
      assertThat(
              rationale(
                  generate(f().disruption(disruption(DisruptionType.EQUIPMENT_UNAVAILABLE, Severity.MODERATE, null)))))
          .contains("equipment unavailable");
      assertThat(
              rationale(generate(f().disruption(disruption(DisruptionType.UNPROGRAMMED_EVENT, Severity.MINOR, null)))))
          .contains("unprogrammed event");
    }

    @Test
    void auxiliaryWorkFollowsTheProtocolsMultiplier() {
      // minor travel: × 0.70, sets kept: 97.5 × 0.7 = 68.25 → 67.5
      assertThat(aux(generate(f().disruption(disruption(DisruptionType.TRAVEL, Severity.MINOR, null)))))
          .containsExactly("3×5 @67.5", "3×5 @67.5");
    }

    @Test
    void aModerateProtocolKeepsAtMostTwoSetsOfEachExercise() {
      // moderate fatigue: × 0.80, at most 2 sets; 97.5 × 0.8 = 78
      JitOutput out = generate(f().disruption(disruption(DisruptionType.FATIGUE, Severity.MODERATE, null)));

      assertThat(aux(out)).containsExactly("2×5 @77.5", "2×5 @77.5");
      assertThat(rationale(out)).contains("Auxiliary work follows the protocol: load × 0.8, at most 2 sets each.");
    }

    @Test
    void illnessKeepsTheCataloguesRepsOnAuxiliaryWork() {
      // moderate illness: × 0.75, 2 sets, reps stay 5 (the main lift loses 2 reps)
      JitOutput out = generate(f().disruption(disruption(DisruptionType.ILLNESS, Severity.MODERATE, null)));

      assertThat(main(out)).isEqualTo("1×3 @85");
      assertThat(aux(out)).containsExactly("2×5 @72.5", "2×5 @72.5");
    }

    @Test
    void underAProtocolSorenessShortOfFiveIsNotCountedAgainOnAuxiliaryWork() {
      JitOutput fourUnderProtocol =
          generate(
              f().disruption(disruption(DisruptionType.TRAVEL, Severity.MINOR, null))
                  .auxiliarySorenessRatings(java.util.Map.of(Muscle.QUADS, 4)));
      JitOutput fiveUnderProtocol =
          generate(
              f().disruption(disruption(DisruptionType.TRAVEL, Severity.MINOR, null))
                  .auxiliarySorenessRatings(java.util.Map.of(Muscle.QUADS, 5)));

      assertThat(aux(fourUnderProtocol)).containsExactly("3×5 @67.5", "3×5 @67.5");
      assertThat(aux(fiveUnderProtocol)).containsExactly("skipped", "skipped");
    }
  }

  @Nested
  @DisplayName("Late-luteal phase raises effective soreness by one level")
  class LateLuteal {

    @Test
    void raisingFourToFiveGivesARecoverySessionAndSaysSo() {
      JitOutput out = generate(f().menstrualPhase(MenstrualPhase.LATE_LUTEAL).soreness(Muscle.QUADS, 4));

      assertThat(main(out)).isEqualTo("3×5 @45");
      assertThat(out.intensityModifier()).isEqualTo(0.40);
      assertThat(warmups(out)).isEqualTo("22.5×5, 35×2");
      assertThat(rationale(out)).containsIgnoringCase("luteal").containsIgnoringCase("recovery");
    }

    @Test
    void raisingThreeToFourIsHighSorenessOnTheMainLiftOnly() {
      JitOutput out = generate(f().menstrualPhase(MenstrualPhase.LATE_LUTEAL).soreness(Muscle.QUADS, 3));

      assertThat(main(out)).isEqualTo("1×5 @107.5");
      // auxiliary exercises use their muscles' ratings as given: quads 3 → 2 sets, weight unchanged
      assertThat(aux(out)).containsExactly("2×5 @97.5", "2×5 @97.5");
      assertThat(rationale(out)).containsIgnoringCase("luteal");
    }

    @Test
    void raisingAFreshRatingToTwoChangesNothing() {
      assertThat(main(generate(f().menstrualPhase(MenstrualPhase.LATE_LUTEAL)))).isEqualTo("2×5 @112.5");
    }

    @ParameterizedTest(name = "{0} phase does not raise soreness")
    @EnumSource(value = MenstrualPhase.class, names = "LATE_LUTEAL", mode = EnumSource.Mode.EXCLUDE)
    void otherPhasesDoNotRaiseSoreness(MenstrualPhase phase) {
      assertThat(main(generate(f().menstrualPhase(phase).soreness(Muscle.QUADS, 4)))).isEqualTo("1×5 @107.5");
    }
  }

  @Nested
  @DisplayName("P4/P5 — soreness of the primary muscles and the RPE trend")
  class Readiness {

    @Test
    void moderateSorenessAndAnRpeTrendBothApply() {
      // 1 set; 112.5 × 0.975 = 109.6875 → 110
      assertThat(main(generate(f().soreness(Muscle.QUADS, 3).recentLogs(HARDER)))).isEqualTo("1×5 @110");
    }

    @Test
    void worstSorenessIsOverAllPrimaryMusclesIncludingHalfContributions() {
      assertThat(main(generate(f().soreness(Muscle.LOWER_BACK, 3)))).isEqualTo("1×5 @112.5");
      assertThat(main(generate(f().soreness(Muscle.GLUTES, 4).soreness(Muscle.QUADS, 2)))).isEqualTo("1×5 @107.5");
    }

    @Test
    void sorenessOfAMuscleTheLiftDoesNotTrainIsIgnored() {
      JitOutput out = generate(f().soreness(Muscle.HAMSTRINGS, 5).soreness(Muscle.CHEST, 4));

      assertThat(main(out)).isEqualTo("2×5 @112.5");
      assertThat(aux(out)).containsExactly("3×5 @97.5", "3×5 @97.5");
    }

    @Test
    void benchWithHighChestSoreness() {
      // bench 1RM 100: base 2×5 @80; 80 × 0.95 = 76 → 75; 2 − 2 sets → at least 1
      JitOutput out =
          generate(f().primaryLift(Lift.BENCH).oneRmKg(100.0).activeAuxiliaries(List.of()).soreness(Muscle.CHEST, 4));

      assertThat(main(out)).isEqualTo("1×5 @75");
      assertThat(out.intensityModifier()).isEqualTo(0.95);
    }

    @Test
    void rpeBelowTargetLoadsUpOnAnExplosiveDay() {
      // block 2 explosive: 2×6 @97.5; × 1.025 = 99.9375 → 100
      assertThat(
              main(
                  generate(
                      f().blockNumber(2).intensityType(IntensityType.EXPLOSIVE)
                          .recentLogs(List.of(RecentLog.of(6.0, 7.5), RecentLog.of(6.5, 7.5))))))
          .isEqualTo("2×6 @100");
    }
  }

  @Nested
  @DisplayName("Recency — more than 7 days costs one set, with P4/P5 only")
  class Recency {

    @ParameterizedTest(name = "{0} days → {1}")
    @CsvSource({"0, 2×5 @112.5", "7, 2×5 @112.5", "8, 1×5 @112.5", "30, 1×5 @112.5"})
    void moreThanSevenDaysCostsASet(int days, String expected) {
      JitOutput out = generate(f().daysSinceLastSession(days));

      assertThat(main(out)).isEqualTo(expected);
      assertThat(out.intensityModifier()).isEqualTo(1.0);
    }

    @Test
    void recencyIsExplainedInTheRationale() {
      assertThat(rationale(generate(f().daysSinceLastSession(12)))).contains("12");
    }

    @Test
    void withModerateSorenessTheFloorKeepsOneSet() {
      assertThat(main(generate(f().soreness(Muscle.QUADS, 3).daysSinceLastSession(8)))).isEqualTo("1×5 @112.5");
    }

    @Test
    void withHighSorenessTheFloorKeepsOneSet() {
      assertThat(main(generate(f().soreness(Muscle.QUADS, 4).daysSinceLastSession(8)))).isEqualTo("1×5 @107.5");
    }

    @Test
    void withAnRpeTrendOnlyTheSetCountChanges() {
      assertThat(main(generate(f().recentLogs(HARDER).daysSinceLastSession(9)))).isEqualTo("1×5 @110");
    }

    @Test
    void repDayStacksSorenessAndRecencyOnSets() {
      // block 1 rep: 3×8 @97.5 → 3 − 1 (soreness 3) − 1 (recency) = 1
      assertThat(
              main(
                  generate(
                      f().intensityType(IntensityType.REP).soreness(Muscle.QUADS, 3).daysSinceLastSession(8))))
          .isEqualTo("1×8 @97.5");
      assertThat(main(generate(f().intensityType(IntensityType.EXPLOSIVE).daysSinceLastSession(8))))
          .isEqualTo("2×8 @90");
    }

    @Test
    void aDisruptionIgnoresRecency() {
      assertThat(main(generate(f().disruption(disruption(DisruptionType.TRAVEL, Severity.MINOR, null)).daysSinceLastSession(30))))
          .isEqualTo("2×5 @80");
    }

    @ParameterizedTest(name = "never below one set: block 3 heavy, {0} days")
    @ValueSource(ints = {8, 100, 3650})
    void setsNeverDropBelowOne(int days) {
      JitOutput out = generate(f().soreness(Muscle.QUADS, 4).daysSinceLastSession(days).intensityType(IntensityType.HEAVY));

      assertThat(out.mainLiftSets()).hasSize(1);
    }
  }

  @Nested
  @DisplayName("Auxiliary work (SPEC §2.8)")
  class Auxiliary {

    @Test
    void auxiliaryRatingsReplaceTheMainRatingsForAuxiliaryWork() {
      JitOutput out =
          generate(f().soreness(Muscle.QUADS, 1).auxiliarySorenessRatings(java.util.Map.of(Muscle.QUADS, 4)));

      assertThat(main(out)).isEqualTo("2×5 @112.5");
      // 97.5 × 0.95 = 92.625 → 92.5
      assertThat(aux(out)).containsExactly("2×5 @92.5", "2×5 @92.5");
    }

    @Test
    void anAuxiliaryMuscleRatedFiveSkipsTheExercise() {
      JitOutput out =
          generate(
              f().activeAuxiliaries(List.of("Pause Squat", "Barbell Row"))
                  .auxiliarySorenessRatings(java.util.Map.of(Muscle.GLUTES, 5)));

      assertThat(main(out)).isEqualTo("2×5 @112.5");
      // Barbell Row: 0.40 × 140 = 56 → 55, 8 reps
      assertThat(aux(out)).containsExactly("skipped", "3×8 @55");
      assertThat(out.auxiliaryWork().get(0).skipReason()).isEqualTo("Severe soreness: glutes rated 5");
    }

    /** Projected = weekly + 2 main sets + the Pause Squat sets kept before Box Squat. */
    @ParameterizedTest(name = "weekly quads {0} → {1}, then {2}")
    @CsvSource({
      "10, 3×5 @97.5, 3×5 @97.5",
      // room 20 − 14 = 6: 3, then 3
      "12, 3×5 @97.5, 3×5 @97.5",
      // room 5: 3, then 2
      "13, 3×5 @97.5, 2×5 @97.5",
      // room 3: 3, then nothing left
      "15, 3×5 @97.5, skipped",
      "16, 2×5 @97.5, skipped",
      "17, 1×5 @97.5, skipped",
      "17.5, skipped, skipped"
    })
    void mrvCountsMainAndAuxiliarySetsCumulatively(double weeklyQuads, String pause, String box) {
      JitOutput out = generate(f().weeklyVolume(Muscle.QUADS, weeklyQuads));

      assertThat(main(out)).isEqualTo("2×5 @112.5");
      assertThat(aux(out)).containsExactly(pause, box);
    }

    @Test
    void anMrvSkipNamesTheMuscle() {
      JitOutput out = generate(f().weeklyVolume(Muscle.QUADS, 17.5));

      assertThat(out.auxiliaryWork()).allSatisfy(w -> assertThat(w.skipReason()).contains("MRV").contains("quads"));
      assertThat(warnings(out)).contains("quads");
    }

    @Test
    void unknownExercisesTrainTheLiftsPrimaryMuscles() {
      // Sled Push on a squat day counts as quads/glutes/lower_back: lower_back rated 4 → 2 sets × 0.95
      // of 0.50 × 140 = 70 → 66.5 → 67.5; Barbell Curl 0.25 × 140 = 35
      JitOutput out =
          generate(
              f().activeAuxiliaries(List.of("Sled Push", "Barbell Curl"))
                  .auxiliarySorenessRatings(java.util.Map.of(Muscle.LOWER_BACK, 4)));

      assertThat(aux(out)).containsExactly("2×10 @67.5", "3×10 @35");
    }

    @Test
    void workIsListedInInputOrderOneEntryPerExercise() {
      List<String> exercises = List.of("Barbell Curl", "pause squat", "Sled Push", "Dips", "Good Morning");
      JitOutput out = generate(f().activeAuxiliaries(exercises));

      assertThat(out.auxiliaryWork()).extracting(AuxiliaryWork::exercise).containsExactlyElementsOf(exercises);
    }

    @Test
    void auxiliaryWeightComesFromTheLoadedFromLiftsOneRepMax() {
      // Pause Squat is loaded from the squat: today's 1RM 200 → 0.70 × 200 = 140, whatever allOneRmKg says
      assertThat(aux(generate(f().oneRmKg(200.0).allOneRmKg(java.util.Map.of(Lift.SQUAT, 100.0)))))
          .containsExactly("3×5 @140", "3×5 @140");
      // Barbell Row from the deadlift: 0.40 × 250 = 100; without it, 0.40 × 200 = 80
      assertThat(aux(generate(f().oneRmKg(200.0).activeAuxiliaries(List.of("Barbell Row"))
              .allOneRmKg(java.util.Map.of(Lift.DEADLIFT, 250.0)))))
          .containsExactly("3×8 @100");
      assertThat(aux(generate(f().oneRmKg(200.0).activeAuxiliaries(List.of("Barbell Row"))
              .allOneRmKg(java.util.Map.of(Lift.BENCH, 150.0)))))
          .containsExactly("3×8 @80");
    }
  }

  @Test
  void configuredIncrementIsUsedForEveryWeight() {
    // increment 5: base 0.80 × 140 = 112 → 110; aux 0.70 × 140 = 98 → 100; warm-ups 44 → 45, 66 → 65, 82.5 → 85, 99 → 100
    JitOutput out =
        generate(
            f().formulaConfig(
                new dev.parakeet.jit.engine.model.config.FormulaConfig(null, null, null, null, null, null, 5.0)));

    assertThat(main(out)).isEqualTo("2×5 @110");
    assertThat(aux(out)).containsExactly("3×5 @100", "3×5 @100");
    assertThat(warmups(out)).isEqualTo("45×5, 65×3, 85×2, 100×1");
  }
}

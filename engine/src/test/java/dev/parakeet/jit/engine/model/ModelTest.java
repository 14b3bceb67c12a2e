package dev.parakeet.jit.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.testing.RandomInputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Wire model: builder, disruptions, enums, weight formatting (SPEC §1)")
class ModelTest {

  @Test
  void builderRoundTripsEveryField() {
    RandomInputs random = new RandomInputs(7);
    for (int i = 0; i < 500; i++) {
      JitInput input = random.next();
      assertThat(JitInputBuilder.from(input).build()).isEqualTo(input);
    }
  }

  @Test
  void unknownTopLevelFieldsAreKeptAndReported() {
    JitInput input = Fixtures.f().extra("stressLevel", 4).extra("caffeineMg", 200).build();

    assertThat(input.extras()).containsEntry("stressLevel", 4).containsEntry("caffeineMg", 200);
    assertThat(input.unrecognisedFields()).containsExactlyInAnyOrder("stressLevel", "caffeineMg");
    assertThat(Fixtures.f().build().unrecognisedFields()).isEmpty();
  }

  @Test
  void withoutWarmupConfigDropsOnlyTheWarmup() {
    JitInput input =
        Fixtures.f().warmupConfig(new WarmupProtocol.Preset(WarmupPreset.EXTENDED)).sleepHours(7.0).extra("x", 1).build();

    JitInput stripped = input.withoutWarmupConfig();

    assertThat(stripped.warmupConfig()).isNull();
    assertThat(JitInputBuilder.from(stripped).warmupConfig(input.warmupConfig()).build()).isEqualTo(input);
  }

  @Test
  void inputListsAreCopiesThatKeepNulls() {
    List<String> names = new ArrayList<>(Arrays.asList("Dips", null));
    JitInput input = Fixtures.f().activeAuxiliaries(names).build();
    names.add("Pull-Up");

    assertThat(input.activeAuxiliaries()).containsExactly("Dips", null);
    assertThatThrownBy(() -> input.activeAuxiliaries().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void outputListsAreNeverNull() {
    JitOutput out =
        new JitOutput("s", Fixtures.NOW, null, null, null, 0, 0, null, null, true, JitStrategy.FORMULA, null, null, null, null);

    assertThat(out.mainLiftSets()).isEmpty();
    assertThat(out.warmupSets()).isEmpty();
    assertThat(out.auxiliaryWork()).isEmpty();
    assertThat(out.rationale()).isEmpty();
    assertThat(out.warnings()).isEmpty();
    assertThat(out.constraintsApplied()).isEmpty();
  }

  @Test
  void disruptionStatusDefaultsToActive() {
    TrainingDisruption d = TrainingDisruption.of(DisruptionType.FATIGUE, Severity.MINOR, null, null);

    assertThat(d.effectiveStatus()).isEqualTo(DisruptionStatus.ACTIVE);
  }

  @ParameterizedTest(name = "affected {0}, status {1} → concerns squat {2}")
  @CsvSource({
    ", ACTIVE, true",
    "'', ACTIVE, true",
    "SQUAT, ACTIVE, true",
    "BENCH DEADLIFT, ACTIVE, false",
    "SQUAT BENCH, MONITORING, true",
    "SQUAT, RESOLVED, false",
    ", RESOLVED, false"
  })
  void concernsALift(String lifts, DisruptionStatus status, boolean expected) {
    List<Lift> affected =
        lifts == null ? null : lifts.isBlank() ? List.of() : Arrays.stream(lifts.split(" ")).map(Lift::valueOf).toList();
    TrainingDisruption d =
        new TrainingDisruption(DisruptionType.INJURY, Severity.MINOR, affected, null, status, null, null, null, null);

    assertThat(d.concerns(Lift.SQUAT)).isEqualTo(expected);
  }

  @Test
  void labelIsTheDescriptionOrTheTypeInWords() {
    assertThat(TrainingDisruption.of(DisruptionType.INJURY, Severity.MINOR, null, "  tweaked hamstring ").label())
        .isEqualTo("tweaked hamstring");
    assertThat(TrainingDisruption.of(DisruptionType.EQUIPMENT_UNAVAILABLE, Severity.MINOR, null, " ").label())
        .isEqualTo("equipment unavailable");
    assertThat(TrainingDisruption.of(DisruptionType.UNPROGRAMMED_EVENT, Severity.MINOR, null, null).label())
        .isEqualTo("unprogrammed event");
  }

  @Test
  void severitiesRankMildestFirst() {
    assertThat(Severity.MINOR).isLessThan(Severity.MODERATE);
    assertThat(Severity.MODERATE).isLessThan(Severity.MAJOR);
  }

  @Test
  void wireNamesAreLowerSnakeCase() {
    assertThat(Muscle.LOWER_BACK.wire()).isEqualTo("lower_back");
    assertThat(DisruptionType.EQUIPMENT_UNAVAILABLE.wire()).isEqualTo("equipment_unavailable");
    assertThat(JitStrategy.FORMULA_FALLBACK.wire()).isEqualTo("formula_fallback");
    assertThat(MenstrualPhase.LATE_LUTEAL.wire()).isEqualTo("late_luteal");
    assertThat(WarmupPreset.EMPTY_BAR.wire()).isEqualTo("empty_bar");
    assertThat(ConstraintRule.WEIGHT_CEILING.wire()).isEqualTo("weight_ceiling");
    assertThat(Arrays.stream(ConstraintRule.values()).map(ConstraintRule::wire))
        .containsExactly(
            "major_disruption", "overreaction_guard", "mrv_cap", "minimum_sets", "weight_floor", "weight_ceiling", "rounding", "auxiliary", "warmup");
  }

  @ParameterizedTest(name = "{0} → \"{1}\"")
  @CsvSource({
    "45, 45",
    "67.5, 67.5",
    "101.25, 101.25",
    "1.875, 1.875",
    "49.7, 49.7",
    "20, 20",
    "0, 0",
    "0.95, 0.95",
    "-2.5, -2.5",
    "-0.5, -0.5",
    "112.50000000001, 112.5"
  })
  void weightsAreWrittenWithoutTrailingZeros(double kg, String expected) {
    assertThat(Weights.format(kg)).isEqualTo(expected);
  }

  @Test
  void landmarkAndLogFactories() {
    assertThat(Landmark.of(8, 20)).isEqualTo(new Landmark(8, 20));
    assertThat(RecentLog.of(null, 8.5).actualRpe()).isNull();
    assertThat(WarmupStep.of(0.5, 5)).isEqualTo(new WarmupStep(0.5, 5));
    assertThat(new PlannedSet(1, 100, 5, 8, null).withWeight(90).withSetNumber(3))
        .isEqualTo(new PlannedSet(3, 90, 5, 8, null));
    assertThat(AuxiliaryWork.skipped("Dips", "why")).isEqualTo(new AuxiliaryWork("Dips", List.of(), true, "why"));
  }
}

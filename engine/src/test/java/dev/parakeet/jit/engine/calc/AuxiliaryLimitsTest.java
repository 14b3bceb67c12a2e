package dev.parakeet.jit.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.BiologicalSex;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Auxiliary limits and starting prescription (SPEC §2.8)")
class AuxiliaryLimitsTest {

  private static final MuscleLandmarks MALE = VolumeLandmarks.resolveIndexed(BiologicalSex.MALE, null);
  private static final List<Muscle> SQUAT_PATTERN = List.of(Muscle.QUADS, Muscle.GLUTES);

  private static AuxiliaryLimits.MrvRoom room(List<Muscle> muscles, Lift lift, int mainSets, Map<Muscle, Double> weekly) {
    return room(muscles, lift, mainSets, weekly, new double[Muscle.values().length]);
  }

  private static AuxiliaryLimits.MrvRoom room(
      List<Muscle> muscles, Lift lift, int mainSets, Map<Muscle, Double> weekly, double[] kept) {
    return AuxiliaryLimits.mrvRoom(muscles, lift, mainSets, kept, WeeklyVolume.of(weekly), MALE);
  }

  @Test
  void severelySoreNamesTheFirstMuscleRatedFive() {
    MuscleRatings ratings = MuscleRatings.of(Map.of(Muscle.QUADS, 4, Muscle.GLUTES, 5));

    assertThat(AuxiliaryLimits.severelySore(SQUAT_PATTERN, ratings)).isEqualTo(Muscle.GLUTES);
    assertThat(AuxiliaryLimits.severelySore(List.of(Muscle.QUADS), ratings)).isNull();
  }

  /** Pause Squat on a squat day with 2 main sets: quads MRV 20, glutes MRV 16. */
  @ParameterizedTest(name = "weekly quads {0} → {1} sets (tightest {2})")
  @CsvSource({
    // quads 20 − (0 + 2) = 18, glutes 16 − 2 = 14 → 14
    "0, 14, GLUTES",
    // quads 20 − (10 + 2) = 8
    "10, 8, QUADS",
    "17, 1, QUADS",
    // 20 − 19.5 = 0.5 < 1 → no room
    "17.5, 0, QUADS",
    "18, 0, QUADS",
    "25, 0, QUADS"
  })
  void roomCountsTodaysMainSetsAgainstTheMrv(double weeklyQuads, int expected, Muscle tightest) {
    AuxiliaryLimits.MrvRoom room = room(SQUAT_PATTERN, Lift.SQUAT, 2, Map.of(Muscle.QUADS, weeklyQuads));

    assertThat(room.maxSets()).isEqualTo(expected);
    assertThat(room.muscle()).isEqualTo(tightest);
    assertThat(room.exhausted()).isEqualTo(expected == 0);
  }

  @Test
  void aMuscleTheMainLiftDoesNotTrainGetsNoProjection() {
    // Barbell Row on a squat day: upper_back 22 − 0, biceps 20 − 0
    AuxiliaryLimits.MrvRoom room = room(List.of(Muscle.UPPER_BACK, Muscle.BICEPS), Lift.SQUAT, 5, Map.of());

    assertThat(room.maxSets()).isEqualTo(20);
    assertThat(room.muscle()).isEqualTo(Muscle.BICEPS);
  }

  @Test
  void fractionalContributionsAreProjectedAndFloored() {
    // Barbell Row on a deadlift day with 3 main sets: upper_back 22 − (17 + 1.5) = 3.5 → 3
    AuxiliaryLimits.MrvRoom room =
        room(List.of(Muscle.UPPER_BACK, Muscle.BICEPS), Lift.DEADLIFT, 3, Map.of(Muscle.UPPER_BACK, 17.0));

    assertThat(room.maxSets()).isEqualTo(3);
    assertThat(room.muscle()).isEqualTo(Muscle.UPPER_BACK);
  }

  @Test
  void auxiliarySetsKeptBeforeCountAgainstTheMrvToo() {
    // quads 14 + 2 main + 3 kept = 19 of 20 → 1 set
    double[] kept = new double[Muscle.values().length];
    kept[Muscle.QUADS.ordinal()] = 3;

    AuxiliaryLimits.MrvRoom room = room(SQUAT_PATTERN, Lift.SQUAT, 2, Map.of(Muscle.QUADS, 14.0), kept);

    assertThat(room.maxSets()).isEqualTo(1);
    assertThat(room.muscle()).isEqualTo(Muscle.QUADS);
  }

  @Test
  void sharedWithNamesTheMusclesOfTheLift() {
    assertThat(AuxiliaryLimits.sharedWith(Lift.DEADLIFT, List.of(Muscle.UPPER_BACK, Muscle.BICEPS)))
        .containsExactly(Muscle.UPPER_BACK);
    assertThat(AuxiliaryLimits.sharedWith(Lift.DEADLIFT, List.of(Muscle.HAMSTRINGS, Muscle.GLUTES, Muscle.LOWER_BACK)))
        .containsExactly(Muscle.HAMSTRINGS, Muscle.GLUTES, Muscle.LOWER_BACK);
    assertThat(AuxiliaryLimits.sharedWith(Lift.BENCH, List.of(Muscle.UPPER_BACK, Muscle.BICEPS))).isEmpty();
    // squat credits hamstrings in volume counting, but they are not one of its primary muscles
    assertThat(AuxiliaryLimits.sharedWith(Lift.SQUAT, List.of(Muscle.HAMSTRINGS))).isEmpty();
  }

  private static AuxiliaryExercise row(String name) {
    return AuxiliaryCatalogue.find(name);
  }

  @Test
  void startingPrescriptionIsThreeSetsOfTheCataloguesRepsAtItsLoad() {
    // Pause Squat 0.70 × 140 = 98 → 97.5, 5 reps
    assertThat(AuxiliaryPrescription.start(row("Pause Squat"), 140, false, 2.5))
        .isEqualTo(new AuxiliaryPrescription(3, 5, 97.5));
    // Good Morning 0.35 × 140 = 49 → 50, 10 reps
    assertThat(AuxiliaryPrescription.start(row("Good Morning"), 140, false, 2.5))
        .isEqualTo(new AuxiliaryPrescription(3, 10, 50));
  }

  @Test
  void deloadStartsAtTwoSetsAtHalfTheWeight() {
    // 97.5 × 0.5 = 48.75 → 50
    assertThat(AuxiliaryPrescription.start(row("Pause Squat"), 140, true, 2.5))
        .isEqualTo(new AuxiliaryPrescription(2, 5, 50));
    // Barbell Row 0.40 × 100 = 40; × 0.5 = 20
    assertThat(AuxiliaryPrescription.start(row("Barbell Row"), 100, true, 2.5))
        .isEqualTo(new AuxiliaryPrescription(2, 8, 20));
  }

  @Test
  void aBodyweightExerciseWeighsNothingWhateverTheMultipliers() {
    AuxiliaryPrescription dips = AuxiliaryPrescription.start(row("Dips"), 140, false, 2.5);

    assertThat(dips).isEqualTo(new AuxiliaryPrescription(3, 10, 0));
    assertThat(dips.times(0.6, 2.5).atMost(2)).isEqualTo(new AuxiliaryPrescription(2, 10, 0));
    assertThat(AuxiliaryPrescription.start(row("Dips"), 140, true, 2.5)).isEqualTo(new AuxiliaryPrescription(2, 10, 0));
  }

  @Test
  void auxiliarySetsAreAtRpeSevenAndAHalfNumberedFromOne() {
    assertThat(new AuxiliaryPrescription(2, 8, 90).toSets())
        .containsExactly(new PlannedSet(1, 90, 8, 7.5, null), new PlannedSet(2, 90, 8, 7.5, null));
  }
}

package dev.parakeet.jit.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.BiologicalSex;
import dev.parakeet.jit.engine.model.Landmark;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Volume landmarks, status and capacity (SPEC §2.5)")
class VolumeLandmarksTest {

  @ParameterizedTest(name = "{0}: male {1}/{2}, female {3}/{4}")
  @CsvSource({
    "QUADS, 8, 20, 10, 26",
    "HAMSTRINGS, 6, 20, 8, 25",
    "GLUTES, 0, 16, 0, 20",
    "LOWER_BACK, 6, 12, 7, 15",
    "UPPER_BACK, 10, 22, 12, 28",
    "CHEST, 8, 22, 10, 26",
    "TRICEPS, 6, 20, 8, 24",
    "SHOULDERS, 8, 20, 10, 24",
    "BICEPS, 8, 20, 10, 24"
  })
  void defaultTables(Muscle muscle, int maleMev, int maleMrv, int femaleMev, int femaleMrv) {
    assertThat(VolumeLandmarks.defaults(BiologicalSex.MALE).get(muscle)).isEqualTo(Landmark.of(maleMev, maleMrv));
    assertThat(VolumeLandmarks.defaults(BiologicalSex.FEMALE).get(muscle))
        .isEqualTo(Landmark.of(femaleMev, femaleMrv));
  }

  @Test
  void absentSexUsesTheMaleTable() {
    assertThat(VolumeLandmarks.defaults(null)).isEqualTo(VolumeLandmarks.defaults(BiologicalSex.MALE));
    assertThat(VolumeLandmarks.resolve(null, null)).isEqualTo(VolumeLandmarks.defaults(BiologicalSex.MALE));
    assertThat(VolumeLandmarks.defaults(null)).hasSize(Muscle.values().length);
  }

  @Test
  void overridesMergeOverTheTableForTheLiftersSex() {
    Map<Muscle, Landmark> merged =
        VolumeLandmarks.resolve(BiologicalSex.FEMALE, Map.of(Muscle.QUADS, Landmark.of(5, 30)));

    assertThat(merged.get(Muscle.QUADS)).isEqualTo(Landmark.of(5, 30));
    assertThat(merged.get(Muscle.HAMSTRINGS)).isEqualTo(Landmark.of(8, 25));
    assertThat(merged.get(Muscle.GLUTES)).isEqualTo(Landmark.of(0, 20));
    assertThat(merged).hasSize(Muscle.values().length);
    assertThat(VolumeLandmarks.defaults(BiologicalSex.FEMALE).get(Muscle.QUADS)).isEqualTo(Landmark.of(10, 26));
  }

  @Test
  void theIndexedTableReadsLikeTheMergedMap() {
    Map<Muscle, Landmark> overrides = Map.of(Muscle.QUADS, Landmark.of(5, 30), Muscle.CHEST, Landmark.of(3, 9));
    for (BiologicalSex sex : new BiologicalSex[] {null, BiologicalSex.MALE, BiologicalSex.FEMALE}) {
      for (Map<Muscle, Landmark> given : Arrays.asList(null, Map.<Muscle, Landmark>of(), overrides)) {
        Map<Muscle, Landmark> merged = VolumeLandmarks.resolve(sex, given);
        MuscleLandmarks indexed = VolumeLandmarks.resolveIndexed(sex, given);
        for (Muscle muscle : Muscle.values()) {
          assertThat(Landmark.of(indexed.mev(muscle), indexed.mrv(muscle)))
              .as("%s %s %s", sex, given, muscle)
              .isEqualTo(merged.get(muscle));
        }
      }
    }
  }

  @Test
  void emptyOverridesAreTheDefaults() {
    assertThat(VolumeLandmarks.resolve(BiologicalSex.MALE, Map.of()))
        .isEqualTo(VolumeLandmarks.defaults(BiologicalSex.MALE));
  }

  /** Quads, male: MEV 8, MRV 20. */
  @ParameterizedTest(name = "{0} weekly sets → {1}")
  @CsvSource({
    "25, EXCEEDED_MRV",
    "20.5, EXCEEDED_MRV",
    "20, AT_MRV",
    "19.5, APPROACHING_MRV",
    "18, APPROACHING_MRV",
    "17.5, IN_RANGE",
    "8, IN_RANGE",
    "7.5, BELOW_MEV",
    "0, BELOW_MEV"
  })
  void statusBoundaries(double weekly, LandmarkStatus expected) {
    assertThat(VolumeLandmarks.status(Landmark.of(8, 20), weekly)).isEqualTo(expected);
  }

  @Test
  void approachingTheMrvOutranksBelowTheMev() {
    // mev 10, mrv 11: 9 sets is below the MEV but only 2 short of the MRV
    assertThat(VolumeLandmarks.status(Landmark.of(10, 11), 9)).isEqualTo(LandmarkStatus.APPROACHING_MRV);
  }

  @Test
  void zeroSetsIsInRangeWhenTheMevIsZero() {
    assertThat(VolumeLandmarks.status(Landmark.of(0, 16), 0)).isEqualTo(LandmarkStatus.IN_RANGE);
  }

  @ParameterizedTest(name = "mrv 20, {0} done → {1} left")
  @CsvSource({"0, 20", "12, 8", "19.5, 0.5", "20, 0", "23, -3"})
  void remainingCapacityIsMrvMinusWeekly(double weekly, double expected) {
    assertThat(VolumeLandmarks.remainingCapacity(Landmark.of(8, 20), weekly)).isEqualTo(expected);
  }

  @Test
  void wireNamesOfTheStatuses() {
    assertThat(LandmarkStatus.EXCEEDED_MRV.wire()).isEqualTo("exceeded_mrv");
    assertThat(LandmarkStatus.BELOW_MEV.wire()).isEqualTo("below_mev");
  }
}

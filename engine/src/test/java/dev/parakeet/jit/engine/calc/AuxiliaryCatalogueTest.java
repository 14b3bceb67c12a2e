package dev.parakeet.jit.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Exercise catalogue (SPEC §2.8)")
class AuxiliaryCatalogueTest {

  private static List<Muscle> muscles(String spaceSeparated) {
    return Arrays.stream(spaceSeparated.split(" ")).map(Muscle::valueOf).toList();
  }

  /** SPEC §2.8's table: every row the catalogue must hold; "-" loaded from nothing is bodyweight. */
  @ParameterizedTest(name = "{0}: {1}, from {2} at {3} × {4}")
  @CsvSource({
    "Pause Squat, QUADS GLUTES, SQUAT, 0.70, 5",
    "Box Squat, QUADS GLUTES, SQUAT, 0.70, 5",
    "Front Squat, QUADS GLUTES, SQUAT, 0.65, 5",
    "Leg Press, QUADS GLUTES, SQUAT, 0.50, 12",
    "Bulgarian Split Squat, QUADS GLUTES, SQUAT, 0.30, 10",
    "Close-Grip Bench, CHEST TRICEPS, BENCH, 0.75, 6",
    "Incline Bench, CHEST TRICEPS, BENCH, 0.65, 8",
    "Dips, CHEST TRICEPS, -, 0, 10",
    "Overhead Press, SHOULDERS TRICEPS, BENCH, 0.55, 8",
    "Romanian Deadlift, HAMSTRINGS GLUTES LOWER_BACK, DEADLIFT, 0.55, 8",
    "Good Morning, HAMSTRINGS GLUTES LOWER_BACK, DEADLIFT, 0.35, 10",
    "Deficit Deadlift, HAMSTRINGS GLUTES LOWER_BACK, DEADLIFT, 0.70, 4",
    "Block Pull, HAMSTRINGS GLUTES LOWER_BACK, DEADLIFT, 0.85, 4",
    "Barbell Row, UPPER_BACK BICEPS, DEADLIFT, 0.40, 8",
    "Pull-Up, UPPER_BACK BICEPS, -, 0, 8",
    "Barbell Curl, BICEPS, BENCH, 0.25, 10",
    "Skull Crusher, TRICEPS, BENCH, 0.25, 10"
  })
  void holdsEveryRowTheSpecLists(String exercise, String trains, String from, double load, int reps) {
    AuxiliaryExercise row = AuxiliaryCatalogue.find(exercise);

    assertThat(row).as(exercise).isNotNull();
    assertThat(row.name()).isEqualTo(exercise);
    assertThat(row.muscles()).containsExactlyInAnyOrderElementsOf(muscles(trains));
    assertThat(row.loadedFrom()).isEqualTo(from.equals("-") ? null : Lift.valueOf(from));
    assertThat(row.bodyweight()).isEqualTo(from.equals("-"));
    assertThat(row.load()).isEqualTo(load);
    assertThat(row.reps()).isEqualTo(reps);
    // the lift of the day does not matter for a catalogued exercise
    for (Lift lift : Lift.values()) {
      assertThat(AuxiliaryCatalogue.lookup(exercise, lift)).isSameAs(row);
    }
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({
    "pause squat, Pause Squat",
    "PAUSE SQUAT, Pause Squat",
    "'  Pause Squat  ', Pause Squat",
    "Pause-Squat, Pause Squat",
    "pausesquats, Pause Squat",
    "Pull-ups, Pull-Up",
    "pull up, Pull-Up",
    "PULLUPS, Pull-Up",
    "Good Mornings, Good Morning",
    "Dip, Dips",
    "close grip bench, Close-Grip Bench",
    "Close-Grip Bench Press, Close-Grip Bench",
    "Skull Crushers, Skull Crusher",
    "Barbell Rows, Barbell Row",
    "Hyperextensions, Back Extension"
  })
  void namesMatchIgnoringCaseSpacesHyphensAndAFinalS(String spelling, String name) {
    assertThat(AuxiliaryCatalogue.find(spelling)).as(spelling).isNotNull();
    assertThat(AuxiliaryCatalogue.find(spelling).name()).isEqualTo(name);
  }

  @Test
  void onlyOneFinalSIsIgnored() {
    assertThat(AuxiliaryCatalogue.key("Dips")).isEqualTo("dip");
    assertThat(AuxiliaryCatalogue.key("Dipss")).isEqualTo("dips");
    assertThat(AuxiliaryCatalogue.knows("Dipss")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Lift.class)
  void anUnknownExerciseTrainsTheMainLiftsPrimaryMusclesAtHalfTodaysOneRepMaxForTens(Lift lift) {
    AuxiliaryExercise unknown = AuxiliaryCatalogue.lookup("Sled Push", lift);

    assertThat(AuxiliaryCatalogue.knows("Sled Push")).isFalse();
    assertThat(AuxiliaryCatalogue.find("Sled Push")).isNull();
    assertThat(unknown.muscles()).containsExactlyElementsOf(LiftMuscles.primaryMuscles(lift));
    assertThat(unknown.loadedFrom()).isEqualTo(lift);
    assertThat(unknown.load()).isEqualTo(0.50);
    assertThat(unknown.reps()).isEqualTo(10);
  }

  @Test
  void everyLoadIsBelowWhatTheLifterCanDoForItsReps() {
    for (AuxiliaryExercise row : AuxiliaryCatalogue.rows()) {
      assertThat(row.load()).as("%s: %s × %s reps", row.name(), row.load(), row.reps())
          .isLessThan(RepMax.heaviestFor(row.reps(), 1.0));
      assertThat(row.why()).as(row.name()).isNotBlank();
      assertThat(row.reps()).as(row.name()).isBetween(1, 20);
    }
  }

  @Test
  void rowsHaveDistinctNamesAndTheSpecsRowsComeFirst() {
    List<AuxiliaryExercise> rows = AuxiliaryCatalogue.rows();
    Set<String> keys = new HashSet<>();
    for (AuxiliaryExercise row : rows) {
      assertThat(keys.add(AuxiliaryCatalogue.key(row.name()))).as(row.name()).isTrue();
      assertThat(AuxiliaryCatalogue.find(row.name())).isSameAs(row);
    }
    assertThat(rows.get(0).name()).isEqualTo("Pause Squat");
    assertThat(rows.get(16).name()).isEqualTo("Skull Crusher");
  }
}

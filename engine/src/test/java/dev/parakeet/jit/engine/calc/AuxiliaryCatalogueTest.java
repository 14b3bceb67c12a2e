package dev.parakeet.jit.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Auxiliary exercise catalogue (SPEC §2.8)")
class AuxiliaryCatalogueTest {

  private static List<Muscle> muscles(String spaceSeparated) {
    return Arrays.stream(spaceSeparated.split(" ")).map(Muscle::valueOf).toList();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "Pause Squat, QUADS GLUTES",
    "Box Squat, QUADS GLUTES",
    "Front Squat, QUADS GLUTES",
    "Leg Press, QUADS GLUTES",
    "Bulgarian Split Squat, QUADS GLUTES",
    "Close-Grip Bench, CHEST TRICEPS",
    "Incline Bench, CHEST TRICEPS",
    "Dips, CHEST TRICEPS",
    "Overhead Press, SHOULDERS TRICEPS",
    "Romanian Deadlift, HAMSTRINGS GLUTES LOWER_BACK",
    "Good Morning, HAMSTRINGS GLUTES LOWER_BACK",
    "Deficit Deadlift, HAMSTRINGS GLUTES LOWER_BACK",
    "Block Pull, HAMSTRINGS GLUTES LOWER_BACK",
    "Barbell Row, UPPER_BACK BICEPS",
    "Pull-Up, UPPER_BACK BICEPS",
    "Barbell Curl, BICEPS",
    "Skull Crusher, TRICEPS"
  })
  void knowsEveryExerciseTheSpecLists(String exercise, String expected) {
    assertThat(AuxiliaryCatalogue.knows(exercise)).isTrue();
    // the lift must not matter for a catalogued exercise
    for (Lift lift : Lift.values()) {
      assertThat(AuxiliaryCatalogue.musclesOf(exercise, lift))
          .containsExactlyInAnyOrderElementsOf(muscles(expected));
    }
  }

  @ParameterizedTest
  @CsvSource({"pause squat", "PAUSE SQUAT", "pAuSe SqUaT", "'  Pause Squat  '"})
  void namesMatchCaseInsensitively(String name) {
    assertThat(AuxiliaryCatalogue.musclesOf(name, Lift.BENCH)).containsExactlyInAnyOrder(Muscle.QUADS, Muscle.GLUTES);
  }

  @ParameterizedTest
  @EnumSource(Lift.class)
  void anUnknownExerciseTrainsTheMainLiftsPrimaryMuscles(Lift lift) {
    assertThat(AuxiliaryCatalogue.knows("Sled Push")).isFalse();
    assertThat(AuxiliaryCatalogue.musclesOf("Sled Push", lift))
        .containsExactlyInAnyOrderElementsOf(LiftMuscles.primaryMuscles(lift));
  }

  @Test
  void unknownExerciseOnASquatDay() {
    assertThat(AuxiliaryCatalogue.musclesOf("Zercher Carry", Lift.SQUAT))
        .containsExactlyInAnyOrder(Muscle.QUADS, Muscle.GLUTES, Muscle.LOWER_BACK);
  }
}

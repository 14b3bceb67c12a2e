package dev.parakeet.jit.engine.calc;

import static dev.parakeet.jit.engine.model.Muscle.CHEST;
import static dev.parakeet.jit.engine.model.Muscle.GLUTES;
import static dev.parakeet.jit.engine.model.Muscle.HAMSTRINGS;
import static dev.parakeet.jit.engine.model.Muscle.LOWER_BACK;
import static dev.parakeet.jit.engine.model.Muscle.QUADS;
import static dev.parakeet.jit.engine.model.Muscle.SHOULDERS;
import static dev.parakeet.jit.engine.model.Muscle.TRICEPS;
import static dev.parakeet.jit.engine.model.Muscle.UPPER_BACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.calc.LiftMuscles.Contribution;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Muscles of a lift and their contributions (SPEC §2.4)")
class LiftMusclesTest {

  @Test
  void squatTrainsQuadsGlutesAndHalfTheLowerBack() {
    assertThat(LiftMuscles.primary(Lift.SQUAT))
        .containsExactly(
            new Contribution(QUADS, 1.0), new Contribution(GLUTES, 1.0), new Contribution(LOWER_BACK, 0.5));
    assertThat(LiftMuscles.primaryMuscles(Lift.SQUAT)).containsExactly(QUADS, GLUTES, LOWER_BACK);
  }

  @Test
  void benchTrainsChestAndHalfTricepsAndShoulders() {
    assertThat(LiftMuscles.primary(Lift.BENCH))
        .containsExactly(
            new Contribution(CHEST, 1.0), new Contribution(TRICEPS, 0.5), new Contribution(SHOULDERS, 0.5));
  }

  @Test
  void deadliftTrainsTheHingeAndHalfTheUpperBack() {
    assertThat(LiftMuscles.primary(Lift.DEADLIFT))
        .containsExactly(
            new Contribution(HAMSTRINGS, 1.0), new Contribution(GLUTES, 1.0),
            new Contribution(LOWER_BACK, 1.0), new Contribution(UPPER_BACK, 0.5));
  }

  @Test
  void volumeCountingAlsoCreditsSquatToTheHamstrings() {
    assertThat(LiftMuscles.credited(Lift.SQUAT))
        .containsExactlyInAnyOrder(
            new Contribution(QUADS, 1.0), new Contribution(GLUTES, 1.0),
            new Contribution(LOWER_BACK, 0.5), new Contribution(HAMSTRINGS, 0.5));
    assertThat(LiftMuscles.primaryMuscles(Lift.SQUAT)).doesNotContain(HAMSTRINGS);
    assertThat(LiftMuscles.credited(Lift.BENCH)).isEqualTo(LiftMuscles.primary(Lift.BENCH));
    assertThat(LiftMuscles.credited(Lift.DEADLIFT)).isEqualTo(LiftMuscles.primary(Lift.DEADLIFT));
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
    "SQUAT, QUADS, 1.0", "SQUAT, LOWER_BACK, 0.5", "SQUAT, HAMSTRINGS, 0.5", "SQUAT, CHEST, 0",
    "BENCH, TRICEPS, 0.5", "BENCH, QUADS, 0", "DEADLIFT, UPPER_BACK, 0.5", "DEADLIFT, BICEPS, 0"
  })
  void creditPerSet(Lift lift, Muscle muscle, double expected) {
    assertThat(LiftMuscles.creditPerSet(lift, muscle)).isEqualTo(expected);
  }
}

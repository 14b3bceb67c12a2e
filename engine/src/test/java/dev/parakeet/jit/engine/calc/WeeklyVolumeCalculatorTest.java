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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.parakeet.jit.engine.calc.WeeklyVolumeCalculator.LoggedSets;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("computeWeeklyVolume: Σ sets × contribution, floored (SPEC §2.4)")
class WeeklyVolumeCalculatorTest {

  private static Map<Muscle, Integer> compute(LoggedSets... logged) {
    return WeeklyVolumeCalculator.compute(List.of(logged));
  }

  @Test
  void threeSquatSetsCreditTheHamstringsHalfAndFloorTheHalves() {
    // quads 3, glutes 3, lower_back 1.5 → 1, hamstrings 1.5 → 1
    assertThat(compute(new LoggedSets(Lift.SQUAT, 3)))
        .containsOnly(entry(QUADS, 3), entry(GLUTES, 3), entry(LOWER_BACK, 1), entry(HAMSTRINGS, 1));
  }

  @Test
  void fourSquatSets() {
    assertThat(compute(new LoggedSets(Lift.SQUAT, 4)))
        .containsOnly(entry(QUADS, 4), entry(GLUTES, 4), entry(LOWER_BACK, 2), entry(HAMSTRINGS, 2));
  }

  @Test
  void benchAndDeadlift() {
    assertThat(compute(new LoggedSets(Lift.BENCH, 3)))
        .containsOnly(entry(CHEST, 3), entry(TRICEPS, 1), entry(SHOULDERS, 1));
    assertThat(compute(new LoggedSets(Lift.DEADLIFT, 3)))
        .containsOnly(entry(HAMSTRINGS, 3), entry(GLUTES, 3), entry(LOWER_BACK, 3), entry(UPPER_BACK, 1));
  }

  @Test
  void sumsAcrossLiftsBeforeFlooring() {
    // lower_back 1.5 + 3 = 4.5 → 4; hamstrings 1.5 + 3 = 4.5 → 4; glutes 3 + 3
    assertThat(compute(new LoggedSets(Lift.SQUAT, 3), new LoggedSets(Lift.DEADLIFT, 3)))
        .containsOnly(
            entry(QUADS, 3), entry(GLUTES, 6), entry(LOWER_BACK, 4), entry(HAMSTRINGS, 4),
            entry(UPPER_BACK, 1));
    // two single squat sets: hamstrings 0.5 + 0.5 = 1, not 0 + 0
    assertThat(compute(new LoggedSets(Lift.SQUAT, 1), new LoggedSets(Lift.SQUAT, 1)))
        .contains(entry(HAMSTRINGS, 1), entry(LOWER_BACK, 1), entry(QUADS, 2));
  }

  @Test
  void nothingLoggedIsNoVolume() {
    assertThat(compute()).isEmpty();
    // one bench set: triceps and shoulders get 0.5 each, floored to 0 (absent counts as 0)
    Map<Muscle, Integer> oneBenchSet = compute(new LoggedSets(Lift.BENCH, 1));
    assertThat(oneBenchSet.get(CHEST)).isEqualTo(1);
    assertThat(oneBenchSet.getOrDefault(TRICEPS, 0)).isZero();
    assertThat(oneBenchSet.getOrDefault(SHOULDERS, 0)).isZero();
    assertThat(oneBenchSet.getOrDefault(QUADS, 0)).isZero();
  }

  @Test
  void negativeSetCountsAreRejected() {
    assertThatThrownBy(() -> new LoggedSets(Lift.SQUAT, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}

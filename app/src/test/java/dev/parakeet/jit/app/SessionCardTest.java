package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text card's auxiliary lines, from real formula sessions. */
class SessionCardTest {

  private static String card(JitInput input) {
    return SessionCard.render(input, Fixtures.formula().generate(input));
  }

  @Test
  void aBodyweightExerciseSaysBodyweightNotZeroKilograms() {
    JitInput input =
        Fixtures.f().primaryLift(Lift.BENCH).oneRmKg(100.0).activeAuxiliaries(List.of("Dips", "Pull-Up")).build();

    String card = card(input);

    assertThat(card).contains("Dips     3 × 10 @ bodyweight, RPE 7.5");
    assertThat(card).contains("Pull-Up  3 × 8 @ bodyweight, RPE 7.5");
    assertThat(card).doesNotContain("@ 0 kg");
  }

  @Test
  void aLoadedExerciseShowsItsWeight() {
    String card = card(Fixtures.f().build());

    assertThat(card).contains("Pause Squat  3 × 5 @ 97.5 kg, RPE 7.5");
  }
}

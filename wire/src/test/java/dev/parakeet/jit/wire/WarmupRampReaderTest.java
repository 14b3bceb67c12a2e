package dev.parakeet.jit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.WarmupProtocol;
import dev.parakeet.jit.engine.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §1.2: a custom warm-up's steps ramp up, checked when the document is read. */
class WarmupRampReaderTest {

  private static final JitInputReader READER = new JitInputReader();

  private static String withSteps(String steps) {
    return """
        {"sessionId": "s-1", "weekNumber": 1, "blockNumber": 1, "primaryLift": "squat",
         "intensityType": "heavy", "oneRmKg": 140,
         "warmupConfig": {"type": "custom", "steps": %s}}
        """.formatted(steps);
  }

  private static List<String> rejections(String json) {
    try {
      READER.read(json);
    } catch (DocumentRejectedException e) {
      return e.violations().stream().map(Violation::toString).toList();
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void anAscendingRampIsAccepted() {
    var input =
        READER.read(withSteps("[{\"pct\": 0, \"reps\": 10}, {\"pct\": 0.5, \"reps\": 5}, {\"pct\": 0.8, \"reps\": 2}]"))
            .input();

    assertThat(input.warmupConfig()).isInstanceOf(WarmupProtocol.Custom.class);
  }

  @Test
  void aDescendingStepIsRejectedAtItsPath() {
    assertThat(rejections(withSteps("[{\"pct\": 0.6, \"reps\": 3}, {\"pct\": 0.4, \"reps\": 5}]")))
        .containsExactly("warmupConfig.steps[1].pct: must be greater than the previous step's pct (0.6), was 0.4");
  }

  @Test
  void aRepeatedStepIsRejectedAlongsideTheOtherCrossFieldViolations() {
    String json =
        withSteps("[{\"pct\": 0.5, \"reps\": 5}, {\"pct\": 0.5, \"reps\": 3}, {\"pct\": 0.4, \"reps\": 2}]")
            .replace("\"oneRmKg\": 140", "\"oneRmKg\": 140, \"mrvMevConfig\": {\"quads\": {\"mev\": 10, \"mrv\": 10}}");

    assertThat(rejections(json))
        .containsExactly(
            "mrvMevConfig.quads.mrv: must be greater than mev (10), was 10",
            "warmupConfig.steps[1].pct: must be greater than the previous step's pct (0.5), was 0.5",
            "warmupConfig.steps[2].pct: must be greater than the previous step's pct (0.5), was 0.4");
  }
}

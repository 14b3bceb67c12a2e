package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import java.util.Objects;

/**
 * One generation to record: the input snapshot exactly as received (what a replay reads back),
 * the bound input, the output, and the lifter when known.
 */
public record GenerationToStore(
    String inputSnapshotJson, JitInput input, JitOutput output, String lifterId) {

  public GenerationToStore {
    Objects.requireNonNull(inputSnapshotJson, "inputSnapshotJson");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(output.generatedAt(), "output.generatedAt");
    Objects.requireNonNull(output.jitStrategy(), "output.jit_strategy");
    // The row is keyed by the input's session id; an output for another session would file the
    // generation under the wrong history.
    if (!Objects.equals(input.sessionId(), output.sessionId())) {
      throw new IllegalArgumentException(
          "output is for session " + output.sessionId() + ", input for " + input.sessionId());
    }
  }

  /** A generation of {@code input}, filed under the lifter the input names ({@link LifterId}). */
  public static GenerationToStore of(String inputSnapshotJson, JitInput input, JitOutput output) {
    return new GenerationToStore(inputSnapshotJson, input, output, LifterId.of(input));
  }
}

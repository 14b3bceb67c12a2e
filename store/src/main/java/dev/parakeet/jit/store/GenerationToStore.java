package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import java.util.Objects;

/**
 * One generation to record: the input snapshot exactly as received (what a replay reads back),
 * the bound input, the output, the lifter when known, and — when the generation asked a model —
 * the decision record written with it in the same transaction (null otherwise).
 */
public record GenerationToStore(
    String inputSnapshotJson, JitInput input, JitOutput output, String lifterId, LlmDecision decision) {

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

  /** A generation that did not ask a model. */
  public GenerationToStore(String inputSnapshotJson, JitInput input, JitOutput output, String lifterId) {
    this(inputSnapshotJson, input, output, lifterId, null);
  }

  /** A generation of {@code input}, filed under the lifter the input names ({@link LifterId}). */
  public static GenerationToStore of(String inputSnapshotJson, JitInput input, JitOutput output) {
    return new GenerationToStore(inputSnapshotJson, input, output, LifterId.of(input));
  }

  /** The same generation with the decision record of its model call. */
  public GenerationToStore withDecision(LlmDecision decision) {
    return new GenerationToStore(inputSnapshotJson, input, output, lifterId, decision);
  }
}

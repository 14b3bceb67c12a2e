package dev.parakeet.jit.engine.strategy;

import dev.parakeet.jit.engine.model.JitOutput;
import java.util.Optional;

/**
 * One generation: the session served, and the record of the model's decision when a model was
 * asked ({@code llm}, {@code hybrid}, {@code auto} when it chose the model).
 */
public record Generation(JitOutput output, Optional<ModelDecision> decision) {

  public static Generation withoutModel(JitOutput output) {
    return new Generation(output, Optional.empty());
  }
}

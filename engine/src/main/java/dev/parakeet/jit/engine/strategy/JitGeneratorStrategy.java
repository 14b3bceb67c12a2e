package dev.parakeet.jit.engine.strategy;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;

/**
 * Turns a lifter's state into a session. Implementations never throw on a validated input: a
 * strategy that cannot do its job falls back to the formula and says why.
 */
public interface JitGeneratorStrategy {

  /** The setting that selects this strategy ({@code formula}, {@code llm}, {@code hybrid}). */
  String name();

  /** One sentence for people choosing a strategy. */
  String description();

  JitOutput generate(JitInput input);
}

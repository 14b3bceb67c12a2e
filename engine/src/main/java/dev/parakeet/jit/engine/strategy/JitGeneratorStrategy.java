package dev.parakeet.jit.engine.strategy;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;

/**
 * A strategy as callers see it (SPEC §7): a validated input in, a constrained session out. The
 * {@link StrategyRegistry} hands these out; each resolves the input once, lets its {@link
 * Proposer} propose and has {@link SessionGenerator} finish the proposal. Never throws on a
 * validated input: a strategy that cannot do its job falls back to the formula and says why.
 */
public interface JitGeneratorStrategy {

  /** The setting that selects this strategy ({@code auto}, {@code formula}, {@code llm}, {@code hybrid}). */
  String name();

  /** One sentence for people choosing a strategy. */
  String description();

  /** The session and, when a model was asked, the record of its decision. */
  Generation generation(JitInput input);

  /** The session alone. */
  default JitOutput generate(JitInput input) {
    return generation(input).output();
  }
}

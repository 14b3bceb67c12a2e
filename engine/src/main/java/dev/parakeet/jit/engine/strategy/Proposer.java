package dev.parakeet.jit.engine.strategy;

import dev.parakeet.jit.engine.session.SessionContext;

/**
 * A strategy's own job: turn a resolved session into a proposal. It never builds the output
 * itself — {@link SessionGenerator} runs the hard constraints over every draft a proposal holds,
 * so no strategy can skip them. Implementations never throw on a resolved input.
 */
public interface Proposer {

  /** The setting that selects this strategy ({@code formula}, {@code llm}, {@code hybrid}). */
  String name();

  /** One sentence for people choosing a strategy. */
  String description();

  Proposal propose(SessionContext context);
}

package dev.parakeet.jit.engine.strategy;

import dev.parakeet.jit.engine.session.SessionDraft;

/**
 * What a strategy hands the pipeline: one or two drafts, and what came of asking a model. Each
 * draft is constrained by {@link SessionGenerator} before anything reaches the lifter.
 */
public sealed interface Proposal {

  /** The formula's draft. */
  record Formula(SessionDraft draft) implements Proposal {}

  /** The model answered: its draft is the session ({@code llm}). */
  record FromModel(ModelResult.Answered answer) implements Proposal {}

  /** The model's answer could not be used: the formula's draft is served instead. */
  record Fallback(SessionDraft formula, ModelResult.Failed failure) implements Proposal {}

  /** Both, to compare ({@code hybrid}): the model's session when it answered, else the formula's. */
  record Compared(SessionDraft formula, ModelResult model) implements Proposal {}
}

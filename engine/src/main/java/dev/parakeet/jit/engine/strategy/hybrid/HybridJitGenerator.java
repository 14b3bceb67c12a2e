package dev.parakeet.jit.engine.strategy.hybrid;

import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.session.SessionDraft;
import dev.parakeet.jit.engine.strategy.ModelResult;
import dev.parakeet.jit.engine.strategy.Proposal;
import dev.parakeet.jit.engine.strategy.Proposer;
import dev.parakeet.jit.engine.strategy.formula.FormulaJitGenerator;
import dev.parakeet.jit.engine.strategy.llm.LlmJitGenerator;

/**
 * The {@code hybrid} strategy (SPEC §6): formula and model on the same input at once. It proposes
 * both drafts; the pipeline constrains each (the model's through the over-reaction guard too),
 * serves the model's session with the formula's beside it and writes the comparison log.
 */
public final class HybridJitGenerator implements Proposer {

  private final FormulaJitGenerator formula;
  private final LlmJitGenerator llm;

  public HybridJitGenerator(FormulaJitGenerator formula, LlmJitGenerator llm) {
    this.formula = formula;
    this.llm = llm;
  }

  @Override
  public String name() {
    return "hybrid";
  }

  @Override
  public String description() {
    return "Formula and model together: the model's session, compared with the formula's and"
        + " logged.";
  }

  @Override
  public Proposal propose(SessionContext context) {
    // The model call starts first: where the model answers on a thread of its own, the formula's
    // draft is made while it is under way (a model that calls on this thread has answered by now).
    LlmJitGenerator.Pending pending = llm.begin(context);
    SessionDraft formulaDraft = formula.draft(context);
    ModelResult model = llm.await(pending);
    return new Proposal.Compared(formulaDraft, model);
  }
}

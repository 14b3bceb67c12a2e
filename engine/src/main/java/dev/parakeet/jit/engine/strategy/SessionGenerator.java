package dev.parakeet.jit.engine.strategy;

import dev.parakeet.jit.engine.constraint.HardConstraints;
import dev.parakeet.jit.engine.model.AppliedConstraint;
import dev.parakeet.jit.engine.model.Comparison;
import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.port.ComparisonLog;
import dev.parakeet.jit.engine.port.ComparisonRecord;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.session.SessionDraft;
import dev.parakeet.jit.engine.strategy.hybrid.DivergenceCalculator;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The generation pipeline after the input is resolved: a strategy proposes, and every draft of
 * its proposal goes through the hard constraints here — the only place that turns a draft into
 * a {@link JitOutput}. A fallback serves the constrained formula draft with the reason; a hybrid
 * run constrains both drafts, compares them (SPEC §6) and writes the comparison log. Every
 * generation that asked a model carries the record of the model's decision.
 */
public final class SessionGenerator {

  private final HardConstraints constraints = new HardConstraints();
  private final Clock clock;
  private final ComparisonLog comparisons;
  private final StrategyEvents events;

  public SessionGenerator(Clock clock, ComparisonLog comparisons, StrategyEvents events) {
    this.clock = clock;
    this.comparisons = comparisons;
    this.events = events;
  }

  /** Asks {@code proposer} for a proposal over {@code context} and finishes it. */
  public Generation generate(SessionContext context, Proposer proposer) {
    Proposal proposal = proposer.propose(context);
    Instant at = clock.instant();
    if (proposal instanceof Proposal.Formula formula) {
      return Generation.withoutModel(constrain(context, formula.draft(), JitStrategy.FORMULA, at));
    }
    if (proposal instanceof Proposal.FromModel fromModel) {
      ModelResult.Answered answer = fromModel.answer();
      JitOutput output = constrain(context, answer.draft(), JitStrategy.LLM, at);
      return new Generation(output, Optional.of(applied(answer, output)));
    }
    if (proposal instanceof Proposal.Fallback fallback) {
      JitOutput formula = constrain(context, fallback.formula(), JitStrategy.FORMULA, at);
      return new Generation(
          formula.asFallback(fallback.failure().failure().reason()),
          Optional.of(failed(fallback.failure())));
    }
    return compare(context, (Proposal.Compared) proposal, at);
  }

  private Generation compare(SessionContext context, Proposal.Compared compared, Instant at) {
    JitInput input = context.input();
    JitOutput formula = constrain(context, compared.formula(), JitStrategy.FORMULA, at);
    if (compared.model() instanceof ModelResult.Failed failed) {
      String reason = failed.failure().reason();
      write(input, formula, null, null, JitStrategy.FORMULA_FALLBACK, reason);
      return new Generation(formula.asFallback(reason), Optional.of(failed(failed)));
    }
    ModelResult.Answered answer = (ModelResult.Answered) compared.model();
    JitOutput model = constrain(context, answer.draft(), JitStrategy.LLM, at);
    Divergence divergence = DivergenceCalculator.between(formula, model);
    boolean surface = DivergenceCalculator.shouldSurface(divergence);
    events.compared(input.sessionId(), divergence, surface);
    write(input, formula, model, divergence, JitStrategy.HYBRID, null);
    return new Generation(
        model.asHybrid(new Comparison(formula, divergence, surface)), Optional.of(applied(answer, model)));
  }

  private JitOutput constrain(
      SessionContext context, SessionDraft draft, JitStrategy strategy, Instant at) {
    return constraints.apply(context, draft, strategy, at);
  }

  /** {@code clamped} when rule 0 overruled the model's judgement. */
  private static ModelDecision applied(ModelResult.Answered answer, JitOutput output) {
    boolean clamped = false;
    for (AppliedConstraint applied : output.constraintsApplied()) {
      clamped |= applied.rule().overrulesJudgement();
    }
    return new ModelDecision.Applied(answer.model(), answer.latency(), answer.answer(), clamped);
  }

  private static ModelDecision failed(ModelResult.Failed failed) {
    return new ModelDecision.Failed(
        failed.model(), failed.latency(), failed.failure().kind(), failed.failure().reason());
  }

  /** A failing comparison log is reported and never fails the generation. */
  private void write(
      JitInput input,
      JitOutput formulaOutput,
      JitOutput llmOutput,
      Divergence divergence,
      JitStrategy used,
      String reason) {
    try {
      comparisons.record(
          new ComparisonRecord(
              clock.instant(), input, formulaOutput, llmOutput, divergence, used, reason));
    } catch (RuntimeException e) {
      events.comparisonLogFailed(input.sessionId(), e);
    }
  }
}

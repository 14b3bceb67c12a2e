package dev.parakeet.jit.engine.strategy.llm;

import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.ModelAnswer;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.strategy.ModelResult;
import dev.parakeet.jit.engine.strategy.Proposal;
import dev.parakeet.jit.engine.strategy.Proposer;
import dev.parakeet.jit.engine.strategy.formula.FormulaJitGenerator;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code llm} strategy (SPEC §5): a language model proposes a bounded adjustment of the
 * formula base, applied as a draft by the model; the pipeline's hard constraints (the
 * over-reaction guard first) finish it. One overall deadline bounds the wait; when it expires the
 * model call is cancelled (closing its connection) and the formula's draft is proposed instead.
 * Every failure is reported through {@link StrategyEvents} with its one-line reason.
 */
public final class LlmJitGenerator implements Proposer {

  public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(5_000);

  private final AdjustmentModel model;
  private final FormulaJitGenerator formula;
  private final Duration deadline;
  private final StrategyEvents events;

  public LlmJitGenerator(
      AdjustmentModel model, FormulaJitGenerator formula, Duration deadline, StrategyEvents events) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("the LLM deadline must be positive, was " + deadline);
    }
    this.model = model;
    this.formula = formula;
    this.deadline = deadline;
    this.events = events;
  }

  @Override
  public String name() {
    return "llm";
  }

  @Override
  public String description() {
    return "A language model adjusts the formula base within fixed bounds; falls back to the"
        + " formula on any failure.";
  }

  public Duration deadline() {
    return deadline;
  }

  @Override
  public Proposal propose(SessionContext context) {
    ModelResult result = await(begin(context));
    if (result instanceof ModelResult.Answered answered) {
      return new Proposal.FromModel(answered);
    }
    return new Proposal.Fallback(formula.draft(context), (ModelResult.Failed) result);
  }

  /** Starts asking the model; the deadline runs from here. Never blocks, never throws. */
  public Pending begin(SessionContext context) {
    long startedAt = System.nanoTime();
    CompletableFuture<ModelAnswer> call;
    try {
      call = model.propose(LlmContexts.of(context));
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    return new Pending(context, call, startedAt, startedAt + deadline.toNanos());
  }

  /** Waits for the model until the deadline, then turns its answer into a draft or says why not. */
  public ModelResult await(Pending pending) {
    SessionContext context = pending.context();
    try {
      long remaining = pending.deadlineAt() - System.nanoTime();
      ModelAnswer answer = pending.call().get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
      return new ModelResult.Answered(
          model.describe(), pending.elapsed(), answer, AdjustmentApplier.draft(context, answer.adjustment()));
    } catch (TimeoutException e) {
      pending.call().cancel(true);
      return failed(
          pending,
          new ModelCallException(
              ModelCallException.Kind.TIMEOUT,
              "no answer within " + deadline.toMillis() + " ms",
              e));
    } catch (InterruptedException e) {
      pending.call().cancel(true);
      Thread.currentThread().interrupt();
      return failed(
          pending,
          new ModelCallException(
              ModelCallException.Kind.INTERRUPTED, "generation interrupted while waiting", e));
    } catch (ExecutionException e) {
      return failed(pending, asModelFailure(e.getCause()));
    } catch (CancellationException e) {
      return failed(
          pending,
          new ModelCallException(ModelCallException.Kind.INTERRUPTED, "model call cancelled", e));
    } catch (RuntimeException e) {
      // A defect between the port and the draft must not cost the lifter a session.
      return failed(
          pending,
          new ModelCallException(
              ModelCallException.Kind.UNEXPECTED, "could not apply the answer: " + e, e));
    }
  }

  private ModelResult.Failed failed(Pending pending, ModelCallException failure) {
    events.modelFailed(pending.context().input().sessionId(), model.describe(), failure);
    return new ModelResult.Failed(model.describe(), pending.elapsed(), failure);
  }

  private static ModelCallException asModelFailure(Throwable cause) {
    if (cause instanceof ModelCallException failure) {
      return failure;
    }
    return new ModelCallException(
        ModelCallException.Kind.UNEXPECTED,
        "model call failed: " + cause.getClass().getSimpleName(),
        cause);
  }

  /**
   * A model call under way, with the instants it started and its deadline expires ({@link
   * System#nanoTime}).
   */
  public record Pending(
      SessionContext context, CompletableFuture<ModelAnswer> call, long startedAt, long deadlineAt) {

    Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - startedAt);
    }
  }
}

package dev.parakeet.jit.engine.strategy.llm;

import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.constraint.HardConstraints;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.strategy.formula.FormulaJitGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code llm} strategy (SPEC §5): a language model proposes a bounded adjustment of the
 * formula base, the hard constraints finish it. One overall deadline bounds the wait; when it
 * expires the model call is cancelled (closing its connection) and the formula is served. Any
 * failure gives the formula's output with {@code jit_strategy: formula_fallback} and a one-line
 * reason, reported through {@link StrategyEvents}.
 */
public final class LlmJitGenerator implements JitGeneratorStrategy {

  public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(5_000);

  private final AdjustmentModel model;
  private final FormulaJitGenerator formula;
  private final HardConstraints constraints;
  private final Clock clock;
  private final Duration deadline;
  private final StrategyEvents events;

  public LlmJitGenerator(
      AdjustmentModel model,
      FormulaJitGenerator formula,
      HardConstraints constraints,
      Clock clock,
      Duration deadline,
      StrategyEvents events) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("the LLM deadline must be positive, was " + deadline);
    }
    this.model = model;
    this.formula = formula;
    this.constraints = constraints;
    this.clock = clock;
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
  public JitOutput generate(JitInput input) {
    SessionContext context = SessionContext.of(input);
    Outcome outcome = await(begin(context));
    if (outcome instanceof Outcome.Used used) {
      return used.output();
    }
    return formula.generate(context).asFallback(((Outcome.Failed) outcome).failure().reason());
  }

  /** Starts asking the model; the deadline runs from here. Never blocks, never throws. */
  public Pending begin(SessionContext context) {
    long deadlineAt = System.nanoTime() + deadline.toNanos();
    CompletableFuture<JitAdjustment> call;
    try {
      call = model.propose(LlmContexts.of(context));
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    return new Pending(context, call, deadlineAt);
  }

  /** Waits for the model until the deadline, then applies its answer or reports why not. */
  public Outcome await(Pending pending) {
    SessionContext context = pending.context();
    try {
      long remaining = pending.deadlineAt() - System.nanoTime();
      JitAdjustment adjustment = pending.call().get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
      JitOutput output =
          constraints.apply(
              context,
              AdjustmentApplier.draft(context, adjustment),
              JitStrategy.LLM,
              clock.instant());
      return new Outcome.Used(output, adjustment);
    } catch (TimeoutException e) {
      pending.call().cancel(true);
      return failed(
          context,
          new ModelCallException(
              ModelCallException.Kind.TIMEOUT,
              "no answer within " + deadline.toMillis() + " ms",
              e));
    } catch (InterruptedException e) {
      pending.call().cancel(true);
      Thread.currentThread().interrupt();
      return failed(
          context,
          new ModelCallException(
              ModelCallException.Kind.INTERRUPTED, "generation interrupted while waiting", e));
    } catch (ExecutionException e) {
      return failed(context, asModelFailure(e.getCause()));
    } catch (CancellationException e) {
      return failed(
          context,
          new ModelCallException(ModelCallException.Kind.INTERRUPTED, "model call cancelled", e));
    } catch (RuntimeException e) {
      // A defect between the port and the constraints must not cost the lifter a session.
      return failed(
          context,
          new ModelCallException(
              ModelCallException.Kind.UNEXPECTED, "could not apply the answer: " + e, e));
    }
  }

  private Outcome failed(SessionContext context, ModelCallException failure) {
    events.modelFailed(context.input().sessionId(), model.describe(), failure);
    return new Outcome.Failed(failure);
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

  /** A model call under way, with the instant its deadline expires ({@link System#nanoTime}). */
  public record Pending(
      SessionContext context, CompletableFuture<JitAdjustment> call, long deadlineAt) {}

  /** What came of a model call. */
  public sealed interface Outcome {

    /** The model's adjustment was applied; {@code output} is the constrained {@code llm} session. */
    record Used(JitOutput output, JitAdjustment adjustment) implements Outcome {}

    /** The answer could not be used; the caller serves the formula. */
    record Failed(ModelCallException failure) implements Outcome {}
  }
}

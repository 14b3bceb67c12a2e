package dev.parakeet.jit.server;

import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.ModelAnswer;
import dev.parakeet.jit.engine.port.LlmContext;
import dev.parakeet.jit.engine.port.ModelCallException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

/**
 * Admission control in front of the model port (SPEC §10.4): at most {@code maxInFlight} calls at
 * once, and at most the lifter's hourly budget. A call over either limit is not made: it fails at
 * once with {@code over_capacity} or {@code over_budget}, so the strategy serves the formula with
 * that reason without waiting. It sits outside the circuit breaker, so a refusal here never counts
 * as the provider failing. Also times the calls that are made.
 */
final class ModelAdmission {

  private final int maxInFlight;
  private final Semaphore inFlight;
  private final LifterBudget budget;
  private final ServerMetrics metrics;

  ModelAdmission(int maxInFlight, LifterBudget budget, ServerMetrics metrics) {
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
    this.budget = budget;
    this.metrics = metrics;
    metrics.gauge(
        "parakeet_model_calls_in_flight", "Model calls under way", inFlight, s -> maxInFlight - s.availablePermits());
  }

  /** {@code model} behind this admission control. */
  AdjustmentModel around(AdjustmentModel model) {
    return new AdjustmentModel() {
      @Override
      public String describe() {
        return model.describe();
      }

      @Override
      public CompletableFuture<ModelAnswer> propose(LlmContext context) {
        return admit(model, context);
      }
    };
  }

  private CompletableFuture<ModelAnswer> admit(AdjustmentModel model, LlmContext context) {
    if (!inFlight.tryAcquire()) {
      return refused(
          ModelCallException.Kind.OVER_CAPACITY,
          maxInFlight + " model calls are already in flight on this server");
    }
    String lifter = context.lifterState().lifterId();
    if (lifter != null && !budget.tryTake(lifter)) {
      inFlight.release();
      return refused(
          ModelCallException.Kind.OVER_BUDGET,
          "the lifter's " + budget.callsPerHour() + " model calls for this hour are used");
    }
    long started = System.nanoTime();
    CompletableFuture<ModelAnswer> call;
    try {
      call = model.propose(context);
    } catch (RuntimeException e) {
      inFlight.release();
      throw e;
    }
    // The caller gets the model's own future, so cancelling it still reaches the exchange; the
    // permit comes back however the call ends, cancellation included.
    call.whenComplete(
        (answer, failure) -> {
          inFlight.release();
          metrics.modelCall(outcome(failure), System.nanoTime() - started);
        });
    return call;
  }

  private static CompletableFuture<ModelAnswer> refused(ModelCallException.Kind kind, String message) {
    return CompletableFuture.failedFuture(new ModelCallException(kind, message));
  }

  private static String outcome(Throwable failure) {
    if (failure == null) {
      return "ok";
    }
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof ModelCallException e ? e.kind().wire() : "cancelled";
  }
}

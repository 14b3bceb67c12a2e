package dev.parakeet.jit.llm;

import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.ModelAvailability;
import dev.parakeet.jit.engine.port.LlmContext;
import dev.parakeet.jit.engine.port.ModelAnswer;
import dev.parakeet.jit.engine.port.ModelCallException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a model's calls and tells {@code auto} when to stop waiting on it (SPEC §7): after
 * {@code failures} consecutive failures the circuit opens and {@link #isOnline()} is false, so
 * {@code auto} serves the formula at once; after the cool-down one probe is let through, and a
 * success closes the circuit again. Explicit {@code llm} calls are never refused here — they try
 * the model and fall back per call — but their outcomes count.
 */
public final class CircuitBreakingModel implements AdjustmentModel, ModelAvailability {

  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreakingModel.class);

  private final AdjustmentModel delegate;
  private final CircuitBreaker breaker;

  public CircuitBreakingModel(AdjustmentModel delegate, int failures, Duration coolDown) {
    this.delegate = delegate;
    this.breaker =
        CircuitBreaker.of(
            delegate.describe(),
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failures)
                .minimumNumberOfCalls(failures)
                .failureRateThreshold(100)
                .waitDurationInOpenState(coolDown)
                .permittedNumberOfCallsInHalfOpenState(1)
                .ignoreExceptions(CallerGaveUp.class)
                .build());
    breaker
        .getEventPublisher()
        .onStateTransition(
            event ->
                LOG.info(
                    "model {}: circuit {} ({})",
                    delegate.describe(),
                    event.getStateTransition().getToState(),
                    event.getStateTransition().getToState() == CircuitBreaker.State.OPEN
                        ? "auto serves the formula for " + coolDown.toMillis() + " ms"
                        : "auto asks the model"));
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public CompletableFuture<ModelAnswer> propose(LlmContext context) {
    long started = System.nanoTime();
    CompletableFuture<ModelAnswer> call = delegate.propose(context);
    // The caller sees the outcome only once the breaker has counted it, so the next generation
    // already knows; cancelling the caller's future still reaches the exchange.
    CompletableFuture<ModelAnswer> counted =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            call.cancel(mayInterruptIfRunning);
            return super.cancel(mayInterruptIfRunning);
          }
        };
    call.whenComplete(
        (answer, failure) -> {
          long elapsed = System.nanoTime() - started;
          if (failure == null) {
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            counted.complete(answer);
          } else {
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, countable(failure));
            counted.completeExceptionally(unwrap(failure));
          }
        });
    return counted;
  }

  /**
   * Online while the circuit is closed or probing. When it is open, asking for permission moves
   * it to half-open once the cool-down has passed, so the next {@code auto} call is the probe.
   */
  @Override
  public boolean isOnline() {
    return switch (breaker.getState()) {
      case CLOSED, HALF_OPEN -> true;
      case OPEN -> breaker.tryAcquirePermission();
      default -> false;
    };
  }

  CircuitBreaker.State state() {
    return breaker.getState();
  }

  /** A cancellation by our own deadline is a timeout; an interrupted caller says nothing about the model. */
  private static Throwable countable(Throwable failure) {
    Throwable cause = unwrap(failure);
    return cause instanceof ModelCallException e && e.kind() == ModelCallException.Kind.INTERRUPTED
        ? new CallerGaveUp()
        : cause;
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  /** Marks outcomes the breaker ignores. */
  private static final class CallerGaveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallerGaveUp() {
      super("caller gave up", null, false, false);
    }
  }
}

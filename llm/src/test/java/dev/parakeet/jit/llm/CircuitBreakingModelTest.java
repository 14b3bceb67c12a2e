package dev.parakeet.jit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.Confidence;
import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.port.LlmContext;
import dev.parakeet.jit.engine.port.ModelAnswer;
import dev.parakeet.jit.engine.strategy.llm.LlmContexts;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.testing.FakeAdjustmentModel;
import dev.parakeet.jit.engine.testing.Fixtures;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CircuitBreakingModelTest {

  private static final LlmContext CONTEXT = LlmContexts.of(SessionContext.of(Fixtures.f().build()));
  private static final JitAdjustment FINE =
      new JitAdjustment(1.0, 0, false, List.of(), List.of("fine"), Confidence.HIGH);

  /** A model that fails while {@code failing} is set. */
  private static final class Switchable implements AdjustmentModel {
    final AtomicBoolean failing = new AtomicBoolean(true);
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String describe() {
      return "fake/model";
    }

    @Override
    public CompletableFuture<ModelAnswer> propose(LlmContext context) {
      calls.incrementAndGet();
      return failing.get()
          ? CompletableFuture.failedFuture(new ModelCallException(ModelCallException.Kind.HTTP_STATUS, "HTTP 529"))
          : CompletableFuture.completedFuture(ModelAnswer.of(FINE));
    }
  }

  private static void call(CircuitBreakingModel model) {
    model.propose(CONTEXT).exceptionally(e -> null).join();
  }

  @Test
  void opensAfterConsecutiveFailuresAndRecoversAfterTheCoolDown() throws Exception {
    Switchable provider = new Switchable();
    CircuitBreakingModel model = new CircuitBreakingModel(provider, 3, Duration.ofMillis(300));
    assertThat(model.isOnline()).isTrue();
    call(model);
    call(model);
    assertThat(model.isOnline()).as("two failures are not yet a pattern").isTrue();
    call(model);
    assertThat(model.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(model.isOnline()).as("auto serves the formula during the cool-down").isFalse();

    Thread.sleep(400);
    provider.failing.set(false);
    assertThat(model.isOnline()).as("after the cool-down, one probe").isTrue();
    assertThat(model.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    call(model);
    assertThat(model.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(model.isOnline()).isTrue();
  }

  @Test
  void aFailedProbeOpensTheCircuitAgain() throws Exception {
    Switchable provider = new Switchable();
    CircuitBreakingModel model = new CircuitBreakingModel(provider, 2, Duration.ofMillis(200));
    call(model);
    call(model);
    Thread.sleep(300);
    assertThat(model.isOnline()).isTrue();
    call(model);
    assertThat(model.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(model.isOnline()).isFalse();
  }

  @Test
  void aSuccessInBetweenResetsTheCount() {
    Switchable provider = new Switchable();
    CircuitBreakingModel model = new CircuitBreakingModel(provider, 3, Duration.ofSeconds(30));
    call(model);
    call(model);
    provider.failing.set(false);
    call(model);
    provider.failing.set(true);
    call(model);
    call(model);
    assertThat(model.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void explicitCallsStillReachTheModelWhileOpen() {
    Switchable provider = new Switchable();
    CircuitBreakingModel model = new CircuitBreakingModel(provider, 1, Duration.ofSeconds(30));
    call(model);
    assertThat(model.isOnline()).isFalse();
    call(model);
    assertThat(provider.calls.get()).isEqualTo(2);
  }

  @Test
  void aCallerThatGaveUpDoesNotCount() {
    AdjustmentModel interrupted =
        FakeAdjustmentModel.failingWith(
            new ModelCallException(ModelCallException.Kind.INTERRUPTED, "the call was cancelled"));
    CircuitBreakingModel model = new CircuitBreakingModel(interrupted, 1, Duration.ofSeconds(30));
    call(model);
    call(model);
    assertThat(model.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void theOutcomeIsCountedBeforeTheCallerSeesIt() {
    // The failure arrives on another thread; the caller must not be woken before it is counted.
    CompletableFuture<ModelAnswer> slow = CompletableFuture.supplyAsync(() -> {
      throw new ModelCallException(ModelCallException.Kind.HTTP_STATUS, "HTTP 500");
    }, CompletableFuture.delayedExecutor(50, java.util.concurrent.TimeUnit.MILLISECONDS));
    AdjustmentModel delayed = FakeAdjustmentModel.returning(slow);
    CircuitBreakingModel counting = new CircuitBreakingModel(delayed, 1, Duration.ofSeconds(30));
    call(counting);
    assertThat(counting.isOnline()).isFalse();
  }

  @Test
  void aCancelledCallCountsAsAFailure() {
    CompletableFuture<ModelAnswer> pending = new CompletableFuture<>();
    AdjustmentModel hanging = FakeAdjustmentModel.returning(pending);
    CircuitBreakingModel model = new CircuitBreakingModel(hanging, 1, Duration.ofSeconds(30));
    CompletableFuture<ModelAnswer> call = model.propose(CONTEXT);
    call.cancel(true);
    assertThat(pending).as("the cancellation reached the provider's call").isCancelled();
    assertThat(model.state()).isEqualTo(CircuitBreaker.State.OPEN);
  }
}

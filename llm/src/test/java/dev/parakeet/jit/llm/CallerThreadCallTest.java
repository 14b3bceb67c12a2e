package dev.parakeet.jit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.port.LlmContext;
import dev.parakeet.jit.engine.port.ModelAnswer;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.strategy.llm.LlmContexts;
import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.FakeProviderServer;
import dev.parakeet.jit.fakes.Protocol;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call made on the caller's thread ({@link ProviderAdjustmentModel.CallThread#CALLER}), as the
 * server's request threads make them: what {@code propose} hands back and what it leaves on the
 * thread.
 */
class CallerThreadCallTest {

  private static final LlmContext CONTEXT = LlmContexts.of(SessionContext.of(Fixtures.f().build()));
  private static final Duration DEADLINE = Duration.ofMillis(500);

  private final FakeProviderServer server = FakeProviderServer.start(Protocol.ANTHROPIC);
  private final ProviderAdjustmentModel model =
      new ProviderAdjustmentModel(
          LlmSettings.from(
              ProviderContractTest.env(Protocol.ANTHROPIC, server.baseUrl()),
              new LlmSettings.Overrides(null, null, DEADLINE.toMillis())),
          ProviderAdjustmentModel.CallThread.CALLER);

  @AfterEach
  void stop() {
    Thread.interrupted();
    model.close();
    server.close();
  }

  @Test
  void anAnswerComesBackCompletedAndTheThreadIsLeftAsItWas() throws Exception {
    server.enqueue(Behavior.answer(Behavior.SAMPLE_ADJUSTMENT));

    CompletableFuture<ModelAnswer> call = model.propose(CONTEXT);

    assertThat(call).as("the call ended before propose returned").isDone();
    assertThat(call.get().rawJson()).isEqualTo(Behavior.SAMPLE_ADJUSTMENT);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void atTheDeadlineTheExchangeIsClosedAndTheCallLeftForTheCallersOwnTimeout() throws Exception {
    server.enqueue(Behavior.neverAnswer());

    CompletableFuture<ModelAnswer> call = model.propose(CONTEXT);

    assertThat(call).as("not completed: the strategy's wait reports the timeout").isNotDone();
    assertThat(Thread.currentThread().isInterrupted()).as("the deadline's interrupt is not left behind").isFalse();
    assertThat(server.awaitUnansweredConnectionsClosed(Duration.ofSeconds(5))).as("the fake saw the connection closed").isTrue();
    assertThat(server.connections()).singleElement().satisfies(c -> assertThat(c.closedByClient()).isTrue());
    assertThat(call.cancel(true)).isTrue();
    Thread.sleep(DEADLINE.toMillis() + 200);
    assertThat(Thread.currentThread().isInterrupted()).as("no late interrupt from the deadline").isFalse();
  }

  @Test
  void aCallerInterruptedBeforehandGetsAnInterruptedFailureAndKeepsItsInterrupt() {
    Thread.currentThread().interrupt();

    CompletableFuture<ModelAnswer> call = model.propose(CONTEXT);

    assertThat(call).isCompletedExceptionally();
    assertThat(call).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
        .havingCause().isInstanceOfSatisfying(ModelCallException.class,
            e -> assertThat(e.kind()).isEqualTo(ModelCallException.Kind.INTERRUPTED));
    assertThat(Thread.interrupted()).as("the caller's own interrupt is kept").isTrue();
  }

  @Test
  void aClosedModelRefusesTheCallAtOnce() {
    model.close();

    CompletableFuture<ModelAnswer> call = model.propose(CONTEXT);

    assertThat(call).isCompletedExceptionally();
    assertThat(server.connections()).isEmpty();
  }
}

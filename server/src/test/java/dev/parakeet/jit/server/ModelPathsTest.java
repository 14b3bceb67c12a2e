package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.FakeProviderServer;
import dev.parakeet.jit.fakes.Protocol;
import dev.parakeet.jit.store.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model behind the API: a fake Anthropic server on loopback speaking the real protocol. A
 * lifter's session is never refused because of the model (SPEC §10.4).
 */
class ModelPathsTest {

  private static final String ANSWER =
      "{\"intensityModifier\":0.95,\"setModifier\":0,\"skipMainLift\":false,\"auxOverrides\":[],"
          + "\"rationale\":[\"Quads a little sore.\"],\"confidence\":\"medium\"}";

  @TempDir Path tempDir;
  private final FakeProviderServer anthropic = FakeProviderServer.start(Protocol.ANTHROPIC);

  @AfterEach
  void stopFake() {
    anthropic.close();
  }

  private Map<String, String> env(String... more) {
    Map<String, String> env = new HashMap<>(TestServer.securedEnv());
    env.put("ANTHROPIC_API_KEY", "sk-ant-server-test-NEVER-PRINT");
    env.put("ANTHROPIC_BASE_URL", anthropic.baseUrl());
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  @Test
  void autoAsksTheModelAndTheSessionSaysSo() {
    anthropic.whenIdle(Behavior.answer(ANSWER));
    try (TestServer server = TestServer.start(Backend.SQLITE, tempDir, env())) {
      assertThat(server.lifter("alice").get("/v1/strategies").json().get("autoUsesModel").asBoolean()).isTrue();
      JitOutput output = server.lifter("alice").postJson("/v1/sessions/a-1/generate", Inputs.of("a-1")).output();
      assertThat(output.jitStrategy()).isEqualTo(JitStrategy.LLM);
      assertThat(output.rationale()).contains("Quads a little sore.");
      assertThat(anthropic.requests()).hasSize(1);
      assertThat(server.service().get("/v1/sessions/a-1").json().get("jit_strategy").asText()).isEqualTo("llm");
      assertThat(server.service().get("/metrics").body()).contains("parakeet_model_calls_seconds_count{outcome=\"ok\"} 1");
    }
  }

  @Test
  void overTheConcurrencyLimitTheFormulaIsServedAtOnceWithTheReason() throws Exception {
    // The first call never gets an answer and its deadline is far away: it holds the only slot
    // until the fake provider closes its connection.
    anthropic.whenIdle(Behavior.neverAnswer());
    try (TestServer server =
        TestServer.start(Backend.SQLITE, tempDir, env("PARAKEET_LLM_MAX_IN_FLIGHT", "1", "PARAKEET_LLM_TIMEOUT_MS", "120000"))) {
      ApiClient service = server.service();
      CompletableFuture<ApiClient.Response> first =
          CompletableFuture.supplyAsync(() -> service.postJson("/v1/sessions/c-1/generate?strategy=llm", Inputs.of("c-1")));
      assertThat(anthropic.takeRequest(Duration.ofSeconds(20))).as("the first call reached the model").isNotNull();

      JitOutput second = service.postJson("/v1/sessions/c-2/generate?strategy=llm", Inputs.of("c-2")).output();
      assertThat(second.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
      assertThat(second.fallbackReason()).isEqualTo("over_capacity: 1 model calls are already in flight on this server");
      assertThat(first).as("answered while the first call still waits on the model").isNotDone();
      assertThat(anthropic.requests()).as("the refused call never reached the provider").hasSize(1);
      assertThat(service.get("/metrics").body()).contains("parakeet_fallbacks_total{reason=\"over_capacity\"} 1.0");
      // A refusal is not the provider failing: auto still asks the model.
      assertThat(service.get("/v1/strategies").json().get("autoUsesModel").asBoolean()).isTrue();

      anthropic.close();
      JitOutput firstOutput = first.get().output();
      assertThat(firstOutput.jitStrategy()).as("the provider went away: the formula, with the reason").isEqualTo(JitStrategy.FORMULA_FALLBACK);
      assertThat(firstOutput.fallbackReason()).doesNotStartWith("over_capacity");
    }
  }

  @Test
  void overTheLiftersHourlyBudgetTheFormulaIsServedWithTheReason() {
    anthropic.whenIdle(Behavior.answer(ANSWER));
    try (TestServer server = TestServer.start(Backend.SQLITE, tempDir, env("PARAKEET_LLM_CALLS_PER_LIFTER_PER_HOUR", "2"))) {
      ApiClient alice = server.lifter("alice");
      assertThat(alice.postJson("/v1/sessions/a-1/generate", Inputs.of("a-1")).output().jitStrategy()).isEqualTo(JitStrategy.LLM);
      assertThat(alice.postJson("/v1/sessions/a-2/generate", Inputs.of("a-2")).output().jitStrategy()).isEqualTo(JitStrategy.LLM);
      JitOutput third = alice.postJson("/v1/sessions/a-3/generate", Inputs.of("a-3")).output();
      assertThat(third.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
      assertThat(third.fallbackReason()).isEqualTo("over_budget: the lifter's 2 model calls for this hour are used");
      assertThat(server.lifter("bob").postJson("/v1/sessions/b-1/generate", Inputs.of("b-1")).output().jitStrategy())
          .as("another lifter has a budget of its own").isEqualTo(JitStrategy.LLM);
      assertThat(anthropic.requests()).hasSize(3);
    }
  }

  @Test
  void aModelThatNeverAnswersCostsTheDeadlineAndTheConnection() throws InterruptedException {
    anthropic.whenIdle(Behavior.neverAnswer());
    try (TestServer server = TestServer.start(Backend.SQLITE, tempDir, env("PARAKEET_LLM_TIMEOUT_MS", "400"))) {
      JitOutput output = server.service().postJson("/v1/sessions/t-1/generate?strategy=llm", Inputs.of("t-1")).output();
      assertThat(output.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
      assertThat(output.fallbackReason()).isEqualTo("timeout: no answer within 400 ms");
      assertThat(anthropic.awaitUnansweredConnectionsClosed(Duration.ofSeconds(5))).isTrue();
      assertThat(server.service().get("/v1/sessions/t-1").json().get("jit_strategy").asText()).isEqualTo("formula_fallback");
      assertThat(server.service().get("/metrics").body()).contains("parakeet_fallbacks_total{reason=\"timeout\"} 1.0");
    }
  }
}

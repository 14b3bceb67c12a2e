package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.FakeProviderServer;
import dev.parakeet.jit.fakes.Protocol;
import dev.parakeet.jit.llm.PromptVersion;
import dev.parakeet.jit.store.Backend;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.StoredDecision;
import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The model's decision records (SPEC §8, {@code llm_decisions}) through the API: one for every
 * generation that asked a model, written with it, shown in {@code GET …/generations}, and never
 * holding a secret — also when the provider echoes its key back.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class DecisionRecordsTest {

  private static final String KEY = "sk-ant-decision-test-7Qz9-NEVER-STORE";
  private static final String ANSWER =
      "{\"intensityModifier\":0.95,\"setModifier\":0,\"skipMainLift\":false,\"auxOverrides\":[],"
          + "\"rationale\":[\"Quads a little sore.\"],\"confidence\":\"medium\"}";

  private final Backend backend;
  @TempDir Path tempDir;
  private final FakeProviderServer anthropic = FakeProviderServer.start(Protocol.ANTHROPIC);
  private TestServer server;

  DecisionRecordsTest(Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void start() {
    Map<String, String> env = new HashMap<>(TestServer.securedEnv());
    env.put("ANTHROPIC_API_KEY", KEY);
    env.put("ANTHROPIC_BASE_URL", anthropic.baseUrl());
    env.put("PARAKEET_LLM_TIMEOUT_MS", "10000");
    server = TestServer.start(backend, tempDir, env);
  }

  @AfterEach
  void stop() {
    server.close();
    server.discard();
    anthropic.close();
  }

  @Test
  void everyGenerationThatAskedAModelHasItsDecisionInTheHistory() {
    ApiClient alice = server.lifter("alice");
    anthropic.enqueue(Behavior.answer(ANSWER), Behavior.outOfBounds());
    assertThat(alice.postJson("/v1/sessions/d-1/generate", Inputs.of("d-1")).output().jitStrategy()).isEqualTo(JitStrategy.LLM);
    assertThat(alice.postJson("/v1/sessions/d-1/generate?strategy=llm", Inputs.of("d-1")).output().jitStrategy())
        .isEqualTo(JitStrategy.FORMULA_FALLBACK);
    assertThat(alice.postJson("/v1/sessions/d-1/generate?strategy=formula", Inputs.of("d-1")).status()).isEqualTo(200);

    JsonNode generations = alice.get("/v1/sessions/d-1/generations").json().get("generations");
    assertThat(generations).hasSize(3);
    JsonNode used = generations.get(0).get("decision");
    assertThat(used.get("provider").asText()).isEqualTo("anthropic");
    assertThat(used.get("model").asText()).isEqualTo("claude-haiku-4-5");
    assertThat(used.get("promptVersion").asText()).isEqualTo(PromptVersion.current());
    assertThat(used.get("outcome").asText()).isEqualTo("used");
    assertThat(used.get("latencyMs").asLong()).isNotNegative();
    assertThat(used.get("inputTokens").asInt()).as("the fake reports usage as Anthropic does").isPositive();
    assertThat(used.get("outputTokens").asInt()).isPositive();
    assertThat(used.get("rawAdjustment")).isEqualTo(JitJson.readTree(ANSWER));
    assertThat(used.get("failureReason").isNull()).isTrue();

    JsonNode failed = generations.get(1).get("decision");
    assertThat(failed.get("outcome").asText()).isEqualTo("out_of_bounds");
    assertThat(failed.get("rawAdjustment").isNull()).isTrue();
    assertThat(failed.get("failureReason").asText()).startsWith("out_of_bounds:");
    assertThat(failed.get("inputTokens").isNull()).isTrue();

    assertThat(generations.get(2).get("decision").isNull()).as("the formula asked no model").isTrue();
  }

  @Test
  void aHybridRunHasItsDecisionAndItsComparisonInTheSummary() {
    anthropic.enqueue(Behavior.answer(ANSWER));
    ApiClient service = server.service();
    assertThat(service.postJson("/v1/sessions/h-1/generate?strategy=hybrid", Inputs.of("h-1", "alice")).output().jitStrategy())
        .isEqualTo(JitStrategy.HYBRID);
    assertThat(service.get("/v1/sessions/h-1/generations").json().get("generations").get(0).get("decision").get("outcome").asText())
        .isEqualTo("used");

    JsonNode summary = service.get("/v1/comparisons/summary").json();
    assertThat(summary.get("total").asInt()).isEqualTo(1);
    assertThat(summary.get("byStrategy").get("hybrid").asInt()).isEqualTo(1);
    assertThat(summary.get("compared").asInt()).isEqualTo(1);
    assertThat(summary.get("setDeltas").get("0").asInt()).isEqualTo(1);
    long inBars = 0;
    for (JsonNode bar : summary.get("weightPct")) {
      inBars += bar.get("count").asLong();
    }
    assertThat(inBars).isEqualTo(1);
    // 112.5 × 0.95 = 106.9 → 107.5 against 112.5: a 4.4 % difference, agreement, nothing surfaced.
    assertThat(summary.get("weightPct").get(0).get("count").asInt()).isEqualTo(1);
    assertThat(summary.get("surfaced").asInt()).isZero();
  }

  @Test
  void aProviderThatEchoesTheKeyLeavesNoKeyInTheDecision() {
    String hostile =
        ANSWER.replace("\"Quads a little sore.\"", "\"plain " + Behavior.KEY + "\",\"escaped " + Behavior.KEY_JSON_ESCAPED + "\"");
    anthropic.enqueue(Behavior.echoingKey(Behavior.answer(hostile)));
    ApiClient.Response generated = server.lifter("alice").postJson("/v1/sessions/k-1/generate?strategy=llm", Inputs.of("k-1"));
    assertThat(generated.status()).isEqualTo(200);
    assertThat(anthropic.requests().get(0).header("x-api-key")).as("the provider had the key to echo").isEqualTo(KEY);

    ApiClient.Response history = server.lifter("alice").get("/v1/sessions/k-1/generations");
    JsonNode decision = history.json().get("generations").get(0).get("decision");
    assertThat(decision.get("outcome").asText()).isEqualTo("used");
    assertThat(decision.get("rawAdjustment").get("rationale").toString()).contains("[redacted]");
    assertThat(history.body()).doesNotContain(KEY);
    assertThat(generated.body()).doesNotContain(KEY);

    try (Database database = Database.open(server.dbUrl())) {
      List<StoredDecision> stored = database.decisions().forSession("k-1");
      assertThat(stored).hasSize(1);
      String raw = stored.get(0).rawAdjustmentJson();
      assertThat(raw).doesNotContain(KEY);
      assertThat(JitJson.readTree(raw).toString()).as("decoded, escapes and all").doesNotContain(KEY);
      assertThat(stored.get(0).toString()).doesNotContain(KEY);
    }
  }
}

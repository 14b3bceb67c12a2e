package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.ConnectionEvent;
import dev.parakeet.jit.fakes.FakeProviderServer;
import dev.parakeet.jit.fakes.Protocol;
import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line with a model behind it: a fake Anthropic server on loopback, configured by environment. */
class ModelStrategiesCliTest {

  private static final String KEY = "sk-ant-cli-test-7d2a-NEVER-PRINT";
  private static final String F = GenerateCommandTest.F;
  private static final String ANSWER =
      "{\"intensityModifier\":0.88,\"setModifier\":-1,\"skipMainLift\":false,\"auxOverrides\":[],"
          + "\"rationale\":[\"Quads still sore from Tuesday.\"],\"confidence\":\"medium\"}";

  private final FakeProviderServer anthropic = FakeProviderServer.start(Protocol.ANTHROPIC);

  @AfterEach
  void stop() {
    anthropic.close();
  }

  private Map<String, String> env(String... more) {
    Map<String, String> env = new HashMap<>();
    env.put("ANTHROPIC_API_KEY", KEY);
    env.put("ANTHROPIC_BASE_URL", anthropic.baseUrl());
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  @Test
  void llmSessionsSayWhichStrategyMadeThem() {
    anthropic.enqueue(Behavior.answer(ANSWER));
    CliHarness.Result card = CliHarness.withEnv(env(), F, "generate", "-", "--strategy", "llm");
    assertThat(card.exit()).as(card.err()).isEqualTo(ExitCode.OK);
    assertThat(card.out())
        // 0.88 × 112.5 → 100 kg, raised to 90 % of the programme by the over-reaction guard
        .containsPattern("1  102.5 kg +× 5")
        .contains("Quads still sore from Tuesday.")
        .contains("Strategy: llm (model adjustment, confidence medium), checked by the hard constraints.");
  }

  @Test
  void sessionsShowHasEachGenerationsModelDecision(@TempDir Path home) {
    anthropic.enqueue(Behavior.answer(ANSWER), Behavior.outOfBounds());
    assertThat(CliHarness.inHome(home, env(), F, "generate", "-", "--strategy", "llm").exit()).isEqualTo(ExitCode.OK);
    assertThat(CliHarness.inHome(home, env(), F, "generate", "-", "--strategy", "llm").exit()).isEqualTo(ExitCode.OK);
    assertThat(CliHarness.inHome(home, env(), F, "generate", "-", "--strategy", "formula").exit()).isEqualTo(ExitCode.OK);

    CliHarness.Result text = CliHarness.inHome(home, env(), "", "sessions", "show", "sess-001");
    assertThat(text.exit()).as(text.err()).isEqualTo(ExitCode.OK);
    // 0.88 was raised by the over-reaction guard: the answer was used, clamped.
    assertThat(text.out())
        .contains("MODEL DECISIONS")
        .containsPattern("rev 1  clamped · anthropic/claude-haiku-4-5 · prompt [0-9a-f]{12} · \\d+ ms · tokens \\d+ in / \\d+ out")
        .containsPattern("rev 2  out_of_bounds · anthropic/claude-haiku-4-5")
        .contains("out_of_bounds: ")
        .doesNotContain("rev 3  ");

    CliHarness.Result json = CliHarness.inHome(home, env(), "", "sessions", "show", "sess-001", "--format", "json");
    JsonNode history = JitJson.readTree(json.out()).get("history");
    assertThat(history).hasSize(3);
    JsonNode clamped = history.get(0).get("decision");
    assertThat(clamped.get("outcome").asText()).isEqualTo("clamped");
    assertThat(clamped.get("provider").asText()).isEqualTo("anthropic");
    assertThat(clamped.get("model").asText()).isEqualTo("claude-haiku-4-5");
    assertThat(clamped.get("rawAdjustment")).isEqualTo(JitJson.readTree(ANSWER));
    assertThat(clamped.get("inputTokens").asInt()).isPositive();
    assertThat(history.get(1).get("decision").get("failureReason").asText()).startsWith("out_of_bounds: ");
    assertThat(history.get(2).get("decision").isNull()).isTrue();
    assertThat(text.out() + json.out()).doesNotContain(KEY);
  }

  @Test
  void autoAsksTheConfiguredModel() {
    anthropic.enqueue(Behavior.answer(ANSWER));
    CliHarness.Result json = CliHarness.withEnv(env(), F, "generate", "-", "--format", "json");
    assertThat(JitJson.readOutput(json.out()).jitStrategy()).isEqualTo(JitStrategy.LLM);
    assertThat(anthropic.requests()).hasSize(1);
  }

  @Test
  void aFallbackIsNotAnErrorAndTheCardSaysWhy() {
    anthropic.enqueue(Behavior.status(429));
    CliHarness.Result card = CliHarness.withEnv(env(), F, "generate", "-", "--strategy", "llm");
    assertThat(card.exit()).isEqualTo(ExitCode.OK);
    assertThat(card.out())
        .contains("Strategy: formula, in place of the model.\n"
            + "  The language model's server answered with an error (anthropic answered HTTP 429 (rate limited)")
        .contains("), so this is the formula's session.\n  Wait a little and try again.\n")
        .containsPattern("2  112.5 kg +× 5");
    assertThat(card.err()).as("the card says it; nothing more on standard error").isEmpty();
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(Behavior.status(401), "http_status",
            "The language model's server answered with an error (anthropic answered HTTP 401 (authentication failed",
            "Check the API key."),
        Arguments.of(Behavior.status(500), "http_status",
            "The language model's server answered with an error (anthropic answered HTTP 500 (server error)",
            "The provider is having trouble: try again later."),
        Arguments.of(Behavior.refusal(), "refusal",
            "The language model declined to answer, so this is the formula's session.",
            "Nothing needs doing: the formula's session is a safe one."),
        Arguments.of(Behavior.truncated(), "truncated",
            "The language model's answer was cut off, so this is the formula's session.",
            "Try again, or another model with --model."),
        Arguments.of(Behavior.prose(), "malformed",
            "The language model's answer could not be read (the answer is not valid JSON",
            "Try again, or a model that supports structured output (--model)."),
        Arguments.of(Behavior.outOfBounds(), "out_of_bounds",
            "The language model proposed a change outside the allowed bounds (",
            "Nothing needs doing: the bounds are there to protect you."),
        Arguments.of(Behavior.neverAnswer(), "timeout",
            "The language model did not answer in time (no answer within 300 ms), so this is the formula's session.",
            "Try again, or allow it longer with --timeout-ms (at most 600000)."));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void everyKindOfFallbackReadsLikeASentenceAndTheJsonKeepsTheKind(
      Behavior behavior, String kind, String happened, String advice) {
    anthropic.enqueue(behavior, behavior);
    // Only the timeout case needs a short deadline; the others answer at once, and a generous
    // deadline keeps a busy machine from turning them into timeouts.
    String timeoutMs = kind.equals("timeout") ? "300" : "20000";
    CliHarness.Result card =
        CliHarness.withEnv(env(), F, "generate", "-", "--strategy", "llm", "--timeout-ms", timeoutMs, "--no-store");
    assertThat(card.exit()).isEqualTo(ExitCode.OK);
    assertThat(card.out()).contains("Strategy: formula, in place of the model.\n  " + happened).contains("\n  " + advice + "\n");
    assertThat(card.out()).doesNotContain(kind + ":");
    assertThat(card.err()).isEmpty();

    CliHarness.Result json =
        CliHarness.withEnv(
            env(), F, "generate", "-", "--strategy", "llm", "--timeout-ms", timeoutMs, "--no-store", "--format", "json");
    assertThat(JitJson.readOutput(json.out()).fallbackReason()).startsWith(kind + ": ");
    assertThat(json.err()).startsWith("parakeet: note: " + happened).contains(advice).doesNotContain(kind + ":");
  }

  @Test
  void aModelThatCannotBeReachedSaysWhatToCheck() {
    FakeProviderServer gone = FakeProviderServer.start(Protocol.ANTHROPIC);
    String baseUrl = gone.baseUrl();
    gone.close();
    CliHarness.Result card =
        CliHarness.withEnv(env("ANTHROPIC_BASE_URL", baseUrl), F, "generate", "-", "--strategy", "llm", "--no-store");
    assertThat(card.out())
        .contains("  The language model could not be reached (")
        .contains("  Check that its server is running and that the base URL is right.");
  }

  @Test
  void aFailureIsLoggedOnlyWhenAskedFor() {
    try (LogCapture logs = LogCapture.asConfigured()) {
      anthropic.enqueue(Behavior.status(500));
      CliHarness.withEnv(env(), F, "generate", "-", "--strategy", "llm", "--no-store");
      assertThat(logs.levelled()).as("by default the card says it once").noneMatch(l -> l.startsWith("WARN"));

      anthropic.enqueue(Behavior.status(500));
      CliHarness.withEnv(env(), F, "generate", "-", "--strategy", "llm", "--no-store", "--verbose");
      assertThat(logs.levelled())
          .anyMatch(l -> l.startsWith("WARN parakeet.model: session sess-001: model anthropic/claude-haiku-4-5 failed, serving the formula: http_status: anthropic answered HTTP 500"));

      int before = logs.levelled().size();
      anthropic.enqueue(Behavior.status(500));
      CliHarness.withEnv(env(), F, "generate", "-", "--strategy", "llm", "--no-store");
      assertThat(logs.levelled().subList(before, logs.levelled().size())).as("--verbose lasted one run").noneMatch(l -> l.startsWith("WARN"));
    }
  }

  @Test
  void theTimeoutFlagBoundsTheWait() throws Exception {
    anthropic.enqueue(Behavior.neverAnswer());
    long started = System.nanoTime();
    CliHarness.Result json =
        CliHarness.withEnv(env(), F, "generate", "-", "--strategy", "llm", "--timeout-ms", "400", "--format", "json");
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    JitOutput output = JitJson.readOutput(json.out());
    assertThat(output.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
    assertThat(output.fallbackReason()).isEqualTo("timeout: no answer within 400 ms");
    assertThat(elapsedMs).as("generous bound: the CLI returned, it did not hang").isLessThan(10_000);
    assertThat(anthropic.awaitUnansweredConnectionsClosed(Duration.ofSeconds(2))).isTrue();
  }

  @Test
  void providerAndModelFlagsWinOverTheEnvironment() throws Exception {
    try (FakeProviderServer ollama = FakeProviderServer.start(Protocol.OLLAMA)) {
      ollama.enqueue(Behavior.answer(ANSWER));
      CliHarness.Result json =
          CliHarness.withEnv(
              env("OLLAMA_BASE_URL", ollama.baseUrl(), "PARAKEET_LLM_MODEL", "from-env"),
              F, "generate", "-", "--strategy", "llm", "--provider", "ollama", "--model", "qwen2.5:7b", "--format", "json");
      assertThat(JitJson.readOutput(json.out()).jitStrategy()).isEqualTo(JitStrategy.LLM);
      assertThat(ollama.requests()).singleElement().satisfies(r -> assertThat(r.json().get("model").asText()).isEqualTo("qwen2.5:7b"));
      assertThat(anthropic.requests()).isEmpty();
    }
  }

  @Test
  void anInvalidConfigurationIsRejectedByName() {
    CliHarness.Result bad = CliHarness.withEnv(env("PARAKEET_LLM_PROVIDER", "gemini"), F, "generate", "-");
    assertThat(bad.exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(bad.err()).contains("invalid configuration: unknown LLM provider 'gemini'");
    assertThat(CliHarness.withEnv(env(), F, "generate", "-", "--timeout-ms", "0").err())
        .contains("--timeout-ms must be a whole number from 1 to 600000, was '0'");
  }

  @Test
  void afterRepeatedFailuresAutoServesTheFormulaWithoutWaiting() {
    anthropic.whenIdle(Behavior.status(500));
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      batch.append(F.replace("sess-001", "s-" + i)).append('\n');
    }
    CliHarness.Result replay =
        CliHarness.withEnv(
            env("PARAKEET_LLM_BREAKER_FAILURES", "2", "PARAKEET_LLM_BREAKER_COOLDOWN_MS", "60000"),
            batch.toString(), "replay", "-", "--parallel", "1");
    List<JitStrategy> strategies =
        replay.out().lines().map(l -> JitJson.readOutput(l).jitStrategy()).toList();
    assertThat(strategies)
        .containsExactly(
            JitStrategy.FORMULA_FALLBACK, JitStrategy.FORMULA_FALLBACK,
            JitStrategy.FORMULA, JitStrategy.FORMULA, JitStrategy.FORMULA, JitStrategy.FORMULA);
    assertThat(anthropic.requests()).as("the open circuit spared the provider").hasSize(2);
    assertThat(replay.err().lines().filter(l -> l.startsWith("parakeet: note:")))
        .as("said once")
        .containsExactly("parakeet: note: the model anthropic/claude-haiku-4-5 failed 2 times in a row, so auto serves"
            + " the formula without asking it for 60 s, then tries it again.");
  }

  @Test
  void replayAsksTheModelForEveryLineConcurrently() {
    anthropic.whenIdle(Behavior.slow(Duration.ofMillis(300), Behavior.answer(ANSWER)));
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      batch.append(F.replace("sess-001", "m-" + i)).append('\n');
    }
    CliHarness.Result replay =
        CliHarness.withEnv(
            env(), batch.toString(), "replay", "-", "--strategy", "llm", "--parallel", "8", "--timeout-ms", "20000");
    assertThat(replay.out().lines().map(l -> JitJson.readOutput(l).sessionId()))
        .containsExactly("m-0", "m-1", "m-2", "m-3", "m-4", "m-5", "m-6", "m-7");
    assertThat(replay.out().lines().map(l -> JitJson.readOutput(l).jitStrategy())).containsOnly(JitStrategy.LLM);
    // Calls in a row would reuse one kept-alive connection, or open one after another closed.
    assertThat(mostConnectionsOpenAtOnce(anthropic.connections()))
        .as("the model was asked for several lines at once")
        .isGreaterThan(1);
  }

  @Test
  void theKeyAppearsNowhereWhateverGoesWrong() {
    try (LogCapture logs = new LogCapture()) {
      StringBuilder everything = new StringBuilder();
      for (Behavior behavior :
          List.of(Behavior.status(401), Behavior.status(400), Behavior.status(500), Behavior.malformedEnvelope(),
              Behavior.prose(), Behavior.outOfBounds(), Behavior.refusal(), Behavior.truncated())) {
        anthropic.enqueue(behavior);
        for (String format : new String[] {"text", "json"}) {
          anthropic.enqueue(behavior);
          CliHarness.Result result = CliHarness.withEnv(env(), F, "generate", "-", "--strategy", "llm", "--format", format);
          everything.append(result.out()).append(result.err());
        }
      }
      anthropic.close();
      CliHarness.Result unreachable = CliHarness.withEnv(env(), F, "generate", "-", "--strategy", "hybrid");
      everything.append(unreachable.out()).append(unreachable.err());
      everything.append(String.join("\n", logs.lines()));
      assertThat(logs.lines()).as("failures were logged").isNotEmpty();
      assertThat(everything.toString()).doesNotContain(KEY).doesNotContain(KEY.substring(0, 20));
    }
  }

  /** The largest number of the fake's connections that were open at the same moment. */
  private static long mostConnectionsOpenAtOnce(List<ConnectionEvent> connections) {
    return connections.stream()
        .mapToLong(
            c ->
                connections.stream()
                    .filter(o -> !o.openedAt().isAfter(c.openedAt()))
                    .filter(o -> o.closedAt() == null || o.closedAt().isAfter(c.openedAt()))
                    .count())
        .max()
        .orElse(0);
  }
}

package dev.parakeet.jit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.FakeProviderServer;
import dev.parakeet.jit.fakes.KeyLeaks;
import dev.parakeet.jit.fakes.Protocol;
import dev.parakeet.jit.fakes.RecordedRequest;
import dev.parakeet.jit.wire.JitJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile provider, speaking its real protocol over loopback HTTP, copies the API key it was
 * sent into every place it can: a field of the answer, a rationale line (plain, JSON-escaped, or
 * inside a longer token), an auxiliary override, an error message or body, a refusal, a body that
 * is not JSON, a truncated or trickled answer. Whatever it does, the key appears nowhere: not in
 * the output (nor its {@code fallbackReason}), not in the failure the strategy reports (its reason
 * and whole stack trace, what the application logs at WARN and DEBUG), not in any log line of any
 * logger at any level, and not in the circuit breaker's event line.
 */
class HostileProviderContractTest {

  /** Long, like real keys, so a message that quotes only its first 60 characters still leaks. */
  static final String ANTHROPIC_KEY =
      "sk-ant-api03-h0st1leXq7RmT2vKp9LwZ4nBc6YdF1sHj8GtE3uVa5NoQ0iMy7PrW2xLk4SbD9eCf6Gh1Jz-Aq3Ts8Uv5Wy0_XmAA";
  static final String OPENAI_KEY =
      "sk-proj-Zr4h0st1leT9wQ2eLp7KmN3bV8cX1zA6sD5fG0hJ4kU9yI2oP7tR3qW8eM1nB6vC5xZ0lK4jH9gF2dS7aQ3wE8rT1y";
  static final Duration DEADLINE = Duration.ofSeconds(10);

  private FakeProviderServer server;
  private ProviderAdjustmentModel provider;
  private final RecordingEvents events = new RecordingEvents();

  @AfterEach
  void stop() {
    if (provider != null) {
      provider.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** The LLM strategy over the provider behind a breaker that opens on the first failure. */
  private JitGeneratorStrategy generator(Protocol protocol, Map<String, String> env) {
    LlmSettings settings = LlmSettings.from(env, new LlmSettings.Overrides(null, null, DEADLINE.toMillis()));
    provider = new ProviderAdjustmentModel(settings);
    CircuitBreakingModel breaker = new CircuitBreakingModel(provider, 1, Duration.ofMinutes(5));
    return Fixtures.llm(breaker, DEADLINE, events);
  }

  private Map<String, String> env(Protocol protocol) {
    Map<String, String> env = new HashMap<>();
    env.put("PARAKEET_LLM_PROVIDER", protocol.cliName());
    switch (protocol) {
      case ANTHROPIC -> {
        env.put("ANTHROPIC_API_KEY", ANTHROPIC_KEY);
        env.put("ANTHROPIC_BASE_URL", server.baseUrl());
      }
      // An OpenAI-compatible server at a base URL of its own, with a key (vLLM, Ollama's /v1 …).
      case OPENAI -> {
        env.put("OPENAI_API_KEY", OPENAI_KEY);
        env.put("OPENAI_BASE_URL", server.baseUrl());
      }
      case OLLAMA -> {
        // Ollama gets no key; the other providers' keys are configured in the same process.
        env.put("ANTHROPIC_API_KEY", ANTHROPIC_KEY);
        env.put("OPENAI_API_KEY", OPENAI_KEY);
        env.put("OLLAMA_BASE_URL", server.baseUrl());
      }
    }
    return env;
  }

  static String adjustment(String rationaleLine, String auxOverrides, String confidence) {
    return "{\"intensityModifier\":0.95,\"setModifier\":0,\"skipMainLift\":false,\"auxOverrides\":" + auxOverrides
        + ",\"rationale\":[\"Quads are sore.\",\"" + rationaleLine + "\"],\"confidence\":\"" + confidence + "\"}";
  }

  private static Behavior answer(String rationaleLine) {
    return Behavior.answer(adjustment(rationaleLine, "[]", "medium"));
  }

  private static final JitStrategy LLM = JitStrategy.LLM;
  private static final JitStrategy FALLBACK = JitStrategy.FORMULA_FALLBACK;

  static Stream<Arguments> echoes() {
    String k = Behavior.KEY;
    String escaped = Behavior.KEY_JSON_ESCAPED;
    List<Object[]> cases = List.of(
        new Object[] {"the confidence", Behavior.answer(adjustment("Keep it crisp.", "[]", k)), FALLBACK},
        new Object[] {"a rationale line", answer("Your key is " + k + ", keep it safe."), LLM},
        new Object[] {"a rationale line, JSON-escaped", answer("Your key is " + escaped + "."), LLM},
        new Object[] {"a longer token", answer("token=abc" + k + "xyz"), LLM},
        // Scrubbed before parsing, the name is short enough, matches no exercise and is ignored.
        new Object[] {"an aux override's name (too long with the key)",
            Behavior.answer(adjustment("Fine.", "[{\"exercise\":\"Pause Squat " + k + "\",\"action\":\"skip\"}]", "high")), LLM},
        new Object[] {"an aux override's name and action",
            Behavior.answer(adjustment("Fine.", "[{\"exercise\":\"" + k + "\",\"action\":\"" + k + "\"}]", "high")), FALLBACK},
        new Object[] {"the start of an answer that is not JSON", Behavior.answer(k + " is the key you sent"), FALLBACK},
        new Object[] {"an error message", Behavior.status(401, "invalid x-api-key: " + k), FALLBACK},
        new Object[] {"an error message, JSON-escaped", Behavior.status(400, "key " + escaped + " refused"), FALLBACK},
        new Object[] {"a hand-written error body, JSON-escaped",
            Behavior.raw(500, "application/json",
                "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"upstream refused " + escaped + "\"}}"),
            FALLBACK},
        new Object[] {"a proxy's error page", Behavior.raw(502, "text/html", "<html><body>bad gateway for " + k + "</body></html>"), FALLBACK},
        new Object[] {"a refusal", Behavior.refusal("I will not answer " + k + "."), FALLBACK},
        new Object[] {"a 200 body that is not JSON", Behavior.raw(200, "application/json", "<html>" + k + "</html>"), FALLBACK},
        new Object[] {"a truncated answer", new Behavior.Truncated(adjustment("Your key is " + k, "[]", "high").substring(0, 150)), FALLBACK},
        new Object[] {"a trickled answer", Behavior.trickle(answer("Your key is " + k + "."), 7, Duration.ofMillis(1)), LLM});
    return Stream.of(Protocol.ANTHROPIC, Protocol.OPENAI)
        .flatMap(protocol -> cases.stream().map(c -> Arguments.of(protocol, c[0], c[1], c[2])));
  }

  @ParameterizedTest(name = "{0}: the key in {1}")
  @MethodSource("echoes")
  void theEchoedKeyAppearsNowhere(Protocol protocol, String where, Behavior behavior, JitStrategy expected) {
    server = FakeProviderServer.start(protocol);
    JitGeneratorStrategy llm = generator(protocol, env(protocol));
    String key = protocol == Protocol.ANTHROPIC ? ANTHROPIC_KEY : OPENAI_KEY;
    server.enqueue(Behavior.echoingKey(behavior));
    try (LogCapture logs = new LogCapture()) {
      JitOutput out = llm.generate(Fixtures.f().build());

      assertThat(credential(server.requests().get(0))).as("the provider had the key to echo").isEqualTo(key);
      assertThat(out.jitStrategy()).as(String.valueOf(out.fallbackReason())).isEqualTo(expected);
      assertNothingReveals(key, out, logs.lines());
    }
  }

  static Stream<Arguments> ollamaEchoes() {
    return Stream.of(
        Arguments.of("a rationale line", answer("Key: " + ANTHROPIC_KEY), LLM),
        Arguments.of("an aux override's name", Behavior.answer(adjustment("Fine.", "[{\"exercise\":\"" + OPENAI_KEY + "\",\"action\":\"skip\"}]", "high")), LLM),
        Arguments.of("the confidence", Behavior.answer(adjustment("Fine.", "[]", OPENAI_KEY)), FALLBACK),
        Arguments.of("an error message", Behavior.status(500, "runner crashed near " + ANTHROPIC_KEY), FALLBACK),
        Arguments.of("a refusal", Behavior.refusal("No. " + OPENAI_KEY), FALLBACK));
  }

  /** Ollama is sent no key; a secret configured elsewhere in the process is still removed. */
  @ParameterizedTest(name = "ollama: a configured secret in {0}")
  @MethodSource("ollamaEchoes")
  void ollamaIsSentNoKeyAndTheProcessSecretsAppearNowhere(String where, Behavior behavior, JitStrategy expected) {
    server = FakeProviderServer.start(Protocol.OLLAMA);
    JitGeneratorStrategy llm = generator(Protocol.OLLAMA, env(Protocol.OLLAMA));
    server.enqueue(behavior);
    try (LogCapture logs = new LogCapture()) {
      JitOutput out = llm.generate(Fixtures.f().build());

      assertThat(credential(server.requests().get(0))).isNull();
      assertThat(out.jitStrategy()).as(String.valueOf(out.fallbackReason())).isEqualTo(expected);
      assertNothingReveals(ANTHROPIC_KEY, out, logs.lines());
      assertNothingReveals(OPENAI_KEY, out, logs.lines());
    }
  }

  private void assertNothingReveals(String key, JitOutput out, List<String> logLines) {
    assertNoLeak("the output", JitJson.write(out), key);
    for (ModelCallException failure : events.failures) {
      assertNoLeak("the reported reason", failure.reason(), key);
      assertNoLeak("the reported failure with its causes", stackTrace(failure), key);
    }
    for (String line : logLines) {
      assertNoLeak("a log line", line, key);
    }
    if (out.jitStrategy() == FALLBACK) {
      assertThat(events.failures).hasSize(1);
      assertThat(logLines).as("the breaker's event line").anyMatch(l -> l.contains("circuit OPEN"));
    } else {
      assertThat(events.failures).isEmpty();
      assertThat(out.rationale()).hasSize(2);
    }
  }

  private static void assertNoLeak(String what, String text, String key) {
    assertThat(KeyLeaks.find(text, key)).as("%s reveals the key:%n%s", what, text).isNull();
  }

  private static String credential(RecordedRequest request) {
    if (request.header("x-api-key") != null) {
      return request.header("x-api-key");
    }
    String authorization = request.header("authorization");
    return authorization == null ? null : authorization.replaceFirst("^Bearer ", "");
  }

  private static String stackTrace(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}

package dev.parakeet.jit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.Confidence;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.WarmupPreset;
import dev.parakeet.jit.engine.model.WarmupProtocol;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.port.TokenUsage;
import dev.parakeet.jit.engine.strategy.ModelDecision;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.FakeProviderServer;
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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The LLM strategy through the real client code of every provider, against fake servers that speak
 * each provider's wire protocol over loopback HTTP: VECTORS.md L1–L6, every failure mode, the
 * deadline, the request the provider receives, and no credential anywhere.
 */
class ProviderContractTest {

  static final String KEY = "sk-test-4f1c9e-DO-NOT-LEAK";
  /** Generous for answers that come (a cold JVM loads the client classes on the first call). */
  static final Duration DEADLINE = Duration.ofSeconds(10);
  /** Short, for providers that stall. */
  static final Duration STALL_DEADLINE = Duration.ofMillis(600);

  private FakeProviderServer server;
  private ProviderAdjustmentModel model;
  private final RecordingEvents events = new RecordingEvents();

  @AfterEach
  void stop() {
    if (model != null) {
      model.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static Map<String, String> env(Protocol protocol, String baseUrl) {
    Map<String, String> env = new HashMap<>();
    switch (protocol) {
      case ANTHROPIC -> {
        env.put("PARAKEET_LLM_PROVIDER", "anthropic");
        env.put("ANTHROPIC_API_KEY", KEY);
        env.put("ANTHROPIC_BASE_URL", baseUrl);
      }
      case OPENAI -> {
        env.put("PARAKEET_LLM_PROVIDER", "openai");
        env.put("OPENAI_API_KEY", KEY);
        env.put("OPENAI_BASE_URL", baseUrl);
      }
      case OLLAMA -> {
        env.put("PARAKEET_LLM_PROVIDER", "ollama");
        env.put("OLLAMA_BASE_URL", baseUrl);
      }
    }
    return env;
  }

  private JitGeneratorStrategy generator(Protocol protocol, Map<String, String> extraEnv, Duration deadline) {
    server = FakeProviderServer.start(protocol);
    Map<String, String> env = env(protocol, server.baseUrl());
    env.putAll(extraEnv);
    LlmSettings settings =
        LlmSettings.from(env, new LlmSettings.Overrides(null, null, deadline.toMillis()));
    model = new ProviderAdjustmentModel(settings, callThread());
    return Fixtures.llm(model, deadline, events);
  }

  /** The thread the calls run on; {@link ProviderContractOnCallerThreadTest} runs every case on the caller's. */
  ProviderAdjustmentModel.CallThread callThread() {
    return ProviderAdjustmentModel.CallThread.WORKER;
  }

  private JitGeneratorStrategy generator(Protocol protocol, Map<String, String> extraEnv) {
    return generator(protocol, extraEnv, DEADLINE);
  }

  private JitGeneratorStrategy generator(Protocol protocol) {
    return generator(protocol, Map.of());
  }

  static String adjustment(double intensity, int sets, boolean skip, String overrides) {
    return "{\"intensityModifier\":" + intensity + ",\"setModifier\":" + sets + ",\"skipMainLift\":" + skip
        + ",\"auxOverrides\":" + overrides + ",\"rationale\":[\"Quads are sore after yesterday.\",\"Keep it crisp.\"],"
        + "\"confidence\":\"medium\"}";
  }

  private static String main(JitOutput out) {
    List<PlannedSet> sets = out.mainLiftSets();
    return sets.isEmpty() ? "none" : sets.size() + "×" + sets.get(0).reps() + " @" + sets.get(0).weightKg();
  }

  private static JitOutput formulaOf(JitInput input) {
    return Fixtures.formula().generate(input);
  }

  // ---------------------------------------------------------------- VECTORS.md L1–L6

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void l1_theModelsAdjustmentIsApplied(Protocol protocol) {
    JitGeneratorStrategy llm = generator(protocol);
    server.enqueue(Behavior.answer(adjustment(0.88, -1, false, "[]")));
    JitOutput out = llm.generate(Fixtures.f().build());
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.LLM);
    // 112.5 × 0.88 = 99 → 100, raised by the over-reaction guard to round(0.90 × 112.5) = 102.5
    assertThat(main(out)).isEqualTo("1×5 @102.5");
    assertThat(out.auxiliaryWork()).extracting(a -> a.sets().size() + "×" + a.sets().get(0).weightKg())
        .containsExactly("3×97.5", "3×97.5");
    assertThat(out.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(out.rationale()).startsWith("Quads are sore after yesterday.", "Keep it crisp.");
    assertThat(out.constraintsApplied()).extracting(c -> c.rule()).containsExactly(ConstraintRule.OVERREACTION_GUARD);
    assertThat(out.warmupSets()).isNotEmpty();
    assertThat(events.failures).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void theDecisionKeepsTheAnswersTextAndTheTokensTheProviderReported(Protocol protocol) {
    JitGeneratorStrategy llm = generator(protocol);
    String answer = adjustment(0.95, 0, false, "[]");
    server.enqueue(Behavior.answer(answer));
    ModelDecision decision = llm.generation(Fixtures.f().build()).decision().orElseThrow();
    assertThat(decision.outcome()).isEqualTo("used");
    assertThat(JitJson.readTree(decision.rawAdjustmentJson().orElseThrow())).isEqualTo(JitJson.readTree(answer));
    // The fakes report usage in each provider's own fields (Anthropic input_tokens/output_tokens,
    // OpenAI prompt_tokens/completion_tokens, Ollama prompt_eval_count/eval_count).
    TokenUsage tokens = decision.tokens().orElseThrow();
    assertThat(tokens.inputTokens()).isPositive();
    assertThat(tokens.outputTokens()).isPositive();
  }

  @org.junit.jupiter.api.Test
  void thePromptVersionIsAShortStableHash() {
    assertThat(PromptVersion.current()).matches("[0-9a-f]{12}").isEqualTo(PromptVersion.of(new AdjustmentSchema()));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void l2_anOutOfBoundsAnswerFallsBackToTheFormula(Protocol protocol) {
    JitGeneratorStrategy llm = generator(protocol);
    server.enqueue(Behavior.outOfBounds());
    JitInput input = Fixtures.f().build();
    JitOutput out = llm.generate(input);
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
    assertThat(out.fallbackReason()).isEqualTo("out_of_bounds: intensityModifier: must be at least 0.40, was 0.1");
    assertThat(out).isEqualTo(formulaOf(input).asFallback(out.fallbackReason()));
    assertThat(events.failures).extracting(ModelCallException::kind).containsExactly(ModelCallException.Kind.OUT_OF_BOUNDS);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void l4_theMrvCapStillSkipsTheLift(Protocol protocol) {
    JitGeneratorStrategy llm = generator(protocol);
    server.enqueue(Behavior.answer(adjustment(1.0, 0, false, "[]")));
    JitOutput out = llm.generate(Fixtures.f().weeklyVolume(Muscle.QUADS, 20).build());
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.LLM);
    assertThat(out.skippedMainLift()).isTrue();
    assertThat(out.constraintsApplied()).extracting(c -> c.rule()).contains(ConstraintRule.MRV_CAP);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void l5_auxiliaryOverridesByName(Protocol protocol) {
    JitGeneratorStrategy llm = generator(protocol);
    server.enqueue(Behavior.answer(adjustment(1.0, 0, false,
        "[{\"exercise\":\"pause squat\",\"action\":\"skip\"},{\"exercise\":\"Box Squat\",\"action\":\"reduce\"},"
            + "{\"exercise\":\"Leg Press\",\"action\":\"skip\"}]")));
    JitOutput out = llm.generate(Fixtures.f().build());
    AuxiliaryWork pause = out.auxiliaryWork().get(0);
    AuxiliaryWork box = out.auxiliaryWork().get(1);
    assertThat(pause.skipped()).isTrue();
    assertThat(pause.skipReason()).isEqualTo("LLM: skip override");
    // 97.5 × 0.90 = 87.75 → 87.5, the catalogue's 5 reps
    assertThat(box.sets()).hasSize(2).allSatisfy(s -> assertThat(s.weightKg()).isEqualTo(87.5));
    assertThat(box.sets()).allSatisfy(s -> assertThat(s.reps()).isEqualTo(5));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void l6_aSkipWithoutACutSignalIsClampedToOneSetFewer(Protocol protocol) {
    JitGeneratorStrategy llm = generator(protocol);
    server.enqueue(Behavior.answer(adjustment(1.0, 0, true, "[]")));
    JitOutput out = llm.generate(Fixtures.f().build());
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.LLM);
    assertThat(out.skippedMainLift()).isFalse();
    assertThat(main(out)).isEqualTo("1×5 @102.5");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void l6_withACutSignalASkipStandsAndThereIsNoWarmup(Protocol protocol) {
    JitGeneratorStrategy llm = generator(protocol);
    server.enqueue(Behavior.answer(adjustment(1.0, 0, true, "[]")));
    JitOutput out = llm.generate(Fixtures.f().sleepQuality(1.0).build());
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.LLM);
    assertThat(out.skippedMainLift()).isTrue();
    assertThat(out.mainLiftSets()).isEmpty();
    assertThat(out.warmupSets()).isEmpty();
  }

  // ---------------------------------------------------------------- deadline

  static Stream<Arguments> stalls() {
    return Stream.of(Protocol.values())
        .flatMap(p -> Stream.of(
            Arguments.of(p, "never answers", Behavior.neverAnswer()),
            Arguments.of(p, "answers after the deadline", Behavior.slow(Duration.ofSeconds(5), Behavior.answer(Behavior.SAMPLE_ADJUSTMENT))),
            Arguments.of(p, "drips bytes forever", Behavior.drip(Duration.ofMillis(50)))));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("stalls")
  void l3_aStalledProviderIsCutOffAtTheDeadlineAndItsConnectionClosed(Protocol protocol, String what, Behavior stall)
      throws Exception {
    JitGeneratorStrategy llm = generator(protocol, Map.of(), STALL_DEADLINE);
    server.enqueue(stall);
    JitInput input = Fixtures.f().build();
    long started = System.nanoTime();
    JitOutput out = llm.generate(input);
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(elapsedMs).as("returned within the deadline plus 250 ms").isLessThan(STALL_DEADLINE.toMillis() + 250);
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
    assertThat(out.fallbackReason()).isEqualTo("timeout: no answer within 600 ms");
    assertThat(out).isEqualTo(formulaOf(input).asFallback(out.fallbackReason()));
    assertThat(server.awaitUnansweredConnectionsClosed(Duration.ofSeconds(2)))
        .as("the fake saw the connection closed")
        .isTrue();
    assertThat(server.connections()).isNotEmpty().allSatisfy(c -> {
      assertThat(c.isOpen()).isFalse();
      assertThat(c.closedByClient()).isTrue();
    });
  }

  // ---------------------------------------------------------------- failure modes

  static Stream<Arguments> failures() {
    return Stream.of(Protocol.values())
        .flatMap(p -> Stream.of(
            Arguments.of(p, Behavior.malformedJson(), "malformed: the answer is not valid JSON"),
            Arguments.of(p, Behavior.prose(), "malformed: the answer is not valid JSON"),
            Arguments.of(p, Behavior.refusal(), p == Protocol.OLLAMA ? "malformed: " : "refusal: "),
            Arguments.of(p, Behavior.truncated(), "truncated: the answer was cut off at the token limit"),
            Arguments.of(p, Behavior.malformedEnvelope(), "malformed: "),
            Arguments.of(p, Behavior.status(400), "http_status: " + p.name().toLowerCase() + " answered HTTP 400 (bad request)"),
            Arguments.of(p, Behavior.status(401), "http_status: " + p.name().toLowerCase() + " answered HTTP 401 (authentication failed"),
            Arguments.of(p, Behavior.status(429), "http_status: " + p.name().toLowerCase() + " answered HTTP 429 (rate limited)"),
            Arguments.of(p, Behavior.status(500), "http_status: " + p.name().toLowerCase() + " answered HTTP 500 (server error)"),
            Arguments.of(p, Behavior.status(529), "http_status: " + p.name().toLowerCase() + " answered HTTP 529 (overloaded)")));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("failures")
  void everyFailureFallsBackToExactlyTheFormulaWithItsReason(Protocol protocol, Behavior behavior, String reason) {
    JitGeneratorStrategy llm = generator(protocol);
    server.enqueue(behavior);
    JitInput input = Fixtures.f().soreness(Muscle.QUADS, 3).build();
    JitOutput out = llm.generate(input);
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
    assertThat(out.fallbackReason()).startsWith(reason).doesNotContain("\n").doesNotContain(KEY);
    assertThat(out).isEqualTo(formulaOf(input).asFallback(out.fallbackReason()));
    assertThat(events.failures).hasSize(1);
    assertThat(stackTrace(events.failures.get(0))).doesNotContain(KEY);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void anUnreachableProviderFallsBackWithAConnectionReason(Protocol protocol) {
    JitGeneratorStrategy llm = generator(protocol);
    server.close();
    JitOutput out = llm.generate(Fixtures.f().build());
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
    assertThat(out.fallbackReason()).startsWith("connection: ");
  }

  // ---------------------------------------------------------------- the request

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void theRequestCarriesTheRightHeadersModelSchemaAndContext(Protocol protocol) throws Exception {
    JitGeneratorStrategy llm = generator(protocol);
    server.enqueue(Behavior.answer(Behavior.SAMPLE_ADJUSTMENT));
    JitInput input =
        Fixtures.f()
            .soreness(Muscle.QUADS, 3)
            .warmupConfig(new WarmupProtocol.Preset(WarmupPreset.EXTENDED))
            .sleepHours(5.5)
            .extra("stressLevel", 4)
            .build();
    llm.generate(input);
    RecordedRequest request = server.takeRequest(Duration.ofSeconds(2));
    assertThat(request).isNotNull();
    // Plain http: HTTP/1.1 from the start, no offer to upgrade to cleartext HTTP/2.
    assertThat(request.header("Upgrade")).isNull();
    assertThat(request.header("HTTP2-Settings")).isNull();
    JsonNode body = request.json();
    JsonNode schema;
    String context;
    switch (protocol) {
      case ANTHROPIC -> {
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(KEY);
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(body.get("model").asText()).isEqualTo("claude-haiku-4-5");
        assertThat(body.get("max_tokens").asInt()).isPositive();
        assertThat(body.get("system").toString()).contains("expert powerlifting coach");
        schema = body.at("/output_config/format/schema");
        assertThat(body.at("/output_config/format/type").asText()).isEqualTo("json_schema");
        context = body.at("/messages/0/content").isTextual()
            ? body.at("/messages/0/content").asText()
            : body.at("/messages/0/content/0/text").asText();
      }
      case OPENAI -> {
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        schema = body.at("/response_format/json_schema/schema");
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).contains("expert powerlifting coach");
        context = body.at("/messages/1/content").asText();
      }
      default -> {
        assertThat(request.path()).isEqualTo("/api/chat");
        assertThat(request.header("authorization")).isNull();
        assertThat(body.get("model").asText()).isEqualTo("llama3.1");
        assertThat(body.get("stream").asBoolean(true)).isFalse();
        schema = body.get("format");
        assertThat(body.at("/messages/0/content").asText()).contains("expert powerlifting coach");
        context = body.at("/messages/1/content").asText();
      }
    }
    assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(schema.get("required")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("intensityModifier", "setModifier", "skipMainLift", "auxOverrides", "rationale", "confidence");
    assertThat(schema.toString()).doesNotContain("\"minimum\"").doesNotContain("\"maximum\"").doesNotContain("maxLength");

    JsonNode sent = JitJson.mapper().readTree(context);
    assertThat(sent.get("lifterState").has("warmupConfig")).isFalse();
    assertThat(sent.at("/lifterState/sessionId").asText()).isEqualTo("sess-001");
    assertThat(sent.at("/lifterState/sorenessRatings/quads").asInt()).isEqualTo(3);
    assertThat(sent.at("/lifterState/sleepHours").asDouble()).isEqualTo(5.5);
    assertThat(sent.at("/lifterState/stressLevel").asInt()).as("unknown fields reach the model").isEqualTo(4);
    assertThat(sent.at("/base/baseWeightKg").asDouble()).isEqualTo(112.5);
    assertThat(sent.at("/base/baseSets").asInt()).isEqualTo(2);
    assertThat(sent.at("/base/baseReps").asInt()).isEqualTo(5);
    assertThat(sent.at("/base/rpeTarget").asDouble()).isEqualTo(8.5);
    assertThat(sent.get("primaryMuscles")).extracting(m -> m.get("muscle").asText())
        .containsExactly("quads", "glutes", "lower_back");
    assertThat(sent.at("/primaryMuscles/0/headroomSets").asDouble()).isEqualTo(20.0);
    assertThat(request.body()).doesNotContain("warmupConfig");
  }

  @org.junit.jupiter.api.Test
  void anthropicToolModeForcesTheAdjustmentTool() {
    JitGeneratorStrategy llm = generator(Protocol.ANTHROPIC, Map.of("PARAKEET_LLM_STRUCTURED_OUTPUT", "tool"));
    server.enqueue(Behavior.answer(adjustment(0.88, -1, false, "[]")));
    JitOutput out = llm.generate(Fixtures.f().build());
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.LLM);
    assertThat(main(out)).isEqualTo("1×5 @102.5");
    JsonNode body = server.requests().get(0).json();
    assertThat(body.at("/tool_choice/type").asText()).isEqualTo("tool");
    assertThat(body.at("/tool_choice/name").asText()).isEqualTo("submit_adjustment");
    assertThat(body.at("/tools/0/name").asText()).isEqualTo("submit_adjustment");
    assertThat(body.at("/tools/0/input_schema/required").size()).isEqualTo(6);
    assertThat(body.has("output_config")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aConfiguredModelIsNamedWithoutItsKey(Protocol protocol) {
    generator(protocol);
    assertThat(model.describe()).startsWith(protocol.name().toLowerCase()).doesNotContain(KEY);
  }

  private static String stackTrace(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}

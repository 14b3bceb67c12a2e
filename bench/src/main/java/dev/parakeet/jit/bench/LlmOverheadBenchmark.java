package dev.parakeet.jit.bench;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.port.ModelAvailability;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.llm.ProviderAdjustmentModel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the LLM strategy adds on top of the model's own latency (issue 3, target under 1 ms): an
 * in-process chat model answers at once, so the time measured is building the context and the
 * request, handing the call to a worker thread and back, parsing the answer strictly, checking
 * its bounds, applying it and running the hard constraints. The formula's own time is measured
 * beside it for scale.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class LlmOverheadBenchmark {

  static final String ANSWER =
      "{\"intensityModifier\":0.95,\"setModifier\":-1,\"skipMainLift\":false,"
          + "\"auxOverrides\":[{\"exercise\":\"Box Squat\",\"action\":\"reduce\"}],"
          + "\"rationale\":[\"Quads are sore; one set fewer, slightly lighter.\"],\"confidence\":\"medium\"}";

  private JitGeneratorStrategy llm;
  private JitGeneratorStrategy formula;
  private ProviderAdjustmentModel model;
  private JitInput input;

  /** A chat model that answers at once, as a provider with zero latency would. */
  static final class InstantChatModel implements ChatModel {
    @Override
    public ChatResponse doChat(ChatRequest request) {
      return ChatResponse.builder().aiMessage(AiMessage.from(ANSWER)).finishReason(FinishReason.STOP).build();
    }
  }

  static final class FailLoudly implements StrategyEvents {
    @Override
    public void modelFailed(String sessionId, String model, ModelCallException failure) {
      throw new IllegalStateException("the benchmark's model must not fail: " + failure.reason(), failure);
    }

    @Override
    public void comparisonLogFailed(String sessionId, RuntimeException failure) {}

    @Override
    public void compared(String sessionId, Divergence divergence, boolean surfaced) {}
  }

  @Setup
  public void setUp() {
    formula = Scenario.formula();
    LlmSettings settings =
        LlmSettings.from(Map.of("ANTHROPIC_API_KEY", "in-process"), LlmSettings.Overrides.NONE);
    model = new ProviderAdjustmentModel(settings, new InstantChatModel());
    llm =
        StrategyRegistry.create(
                Scenario.CLOCK, model, Duration.ofSeconds(5), ModelAvailability.offline(), record -> {},
                new FailLoudly())
            .get(StrategySetting.LLM);
    input = Scenario.MODERATE_SORENESS_RPE_TREND.input();
  }

  @TearDown
  public void tearDown() {
    model.close();
  }

  @Benchmark
  public JitOutput llmStrategy() {
    return llm.generate(input);
  }

  @Benchmark
  public JitOutput formulaForScale() {
    return formula.generate(input);
  }
}

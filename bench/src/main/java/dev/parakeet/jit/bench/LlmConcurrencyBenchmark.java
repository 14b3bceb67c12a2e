package dev.parakeet.jit.bench;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.port.ModelAvailability;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.FakeProviderServer;
import dev.parakeet.jit.fakes.Protocol;
import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.llm.ProviderAdjustmentModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time of 100 generations started at once against a provider that takes 1 s to answer
 * (issue 3, target under 1.5 s): the fake Anthropic server on loopback, the real HTTP client and
 * the whole LLM strategy. Each invocation is one batch; every output must be the model's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, batchSize = 1)
@Measurement(iterations = 10, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LlmConcurrencyBenchmark {

  @Param("100")
  public int concurrent;

  @Param("1000")
  public int latencyMs;

  private FakeProviderServer server;
  private ProviderAdjustmentModel model;
  private JitGeneratorStrategy llm;
  private ExecutorService callers;
  private JitInput input;

  @Setup
  public void setUp() {
    server = FakeProviderServer.start(Protocol.ANTHROPIC);
    server.whenIdle(
        Behavior.slow(Duration.ofMillis(latencyMs), Behavior.answer(LlmOverheadBenchmark.ANSWER)));
    LlmSettings settings =
        LlmSettings.from(
            Map.of("ANTHROPIC_API_KEY", "fake", "ANTHROPIC_BASE_URL", server.baseUrl()),
            LlmSettings.Overrides.NONE);
    model = new ProviderAdjustmentModel(settings);
    Clock clock = Clock.systemUTC();
    llm =
        StrategyRegistry.create(
                clock,
                model,
                settings.deadline(),
                ModelAvailability.offline(),
                record -> {},
                new LlmOverheadBenchmark.FailLoudly())
            .get(StrategySetting.LLM);
    callers = Executors.newFixedThreadPool(concurrent);
    input = Scenario.MODERATE_SORENESS_RPE_TREND.input();
  }

  @TearDown
  public void tearDown() {
    callers.shutdownNow();
    model.close();
    server.close();
  }

  @Benchmark
  public List<JitOutput> hundredAtOnce() throws Exception {
    List<Future<JitOutput>> pending = new ArrayList<>(concurrent);
    for (int i = 0; i < concurrent; i++) {
      pending.add(callers.submit(() -> llm.generate(input)));
    }
    List<JitOutput> outputs = new ArrayList<>(concurrent);
    for (Future<JitOutput> output : pending) {
      JitOutput out = output.get();
      if (out.jitStrategy() != JitStrategy.LLM) {
        throw new IllegalStateException("expected the model's session, got " + out.fallbackReason());
      }
      outputs.add(out);
    }
    return outputs;
  }
}

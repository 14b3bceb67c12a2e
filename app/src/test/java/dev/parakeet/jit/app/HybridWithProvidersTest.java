package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.engine.strategy.llm.LlmJitGenerator;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.FakeProviderServer;
import dev.parakeet.jit.fakes.Protocol;
import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.llm.ProviderAdjustmentModel;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.StoredComparison;
import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hybrid strategy end to end (SPEC §6): a fake Anthropic server over HTTP, the real client,
 * and comparison logs written to a real SQLite store. Fixture F: the formula gives 2×5 @ 112.5.
 */
class HybridWithProvidersTest {

  @TempDir Path dir;
  private FakeProviderServer anthropic;
  private Database database;
  private Runtime runtime;

  @BeforeEach
  void start() {
    anthropic = FakeProviderServer.start(Protocol.ANTHROPIC);
    database = Database.open("jdbc:sqlite:" + dir.resolve("hybrid.db"), Fixtures.CLOCK);
    runtime = Runtime.create(Fixtures.CLOCK, settings(), StrategySetting.HYBRID, database);
  }

  @AfterEach
  void stop() {
    runtime.close();
    anthropic.close();
  }

  private LlmSettings settings() {
    return LlmSettings.from(
        Map.of("ANTHROPIC_API_KEY", "sk-test", "ANTHROPIC_BASE_URL", anthropic.baseUrl()),
        LlmSettings.Overrides.NONE);
  }

  private static String answer(double intensity, int sets) {
    return "{\"intensityModifier\":" + intensity + ",\"setModifier\":" + sets
        + ",\"skipMainLift\":false,\"auxOverrides\":[],\"rationale\":[\"Model reason " + intensity
        + "\"],\"confidence\":\"high\"}";
  }

  /**
   * Fixture F with poor sleep: a cut signal the formula ignores, so the model may go lighter than
   * the over-reaction guard's 90 % and the formula's session stays 2×5 @ 112.5.
   */
  private static JitInput poorSleep() {
    return Fixtures.f().sleepQuality(2.0).build();
  }

  private JitOutput hybrid(String answer) {
    anthropic.enqueue(Behavior.answer(answer));
    return runtime.registry().get(StrategySetting.HYBRID).generate(poorSleep());
  }

  private StoredComparison onlyComparison() {
    List<StoredComparison> logs = database.comparisons().recent(10);
    assertThat(logs).hasSize(1);
    return logs.get(0);
  }

  @Test
  void agreementUsesTheModelAndSurfacesNothing() throws Exception {
    JitOutput out = hybrid(answer(0.95, 0)); // 106.875 → 107.5: 4.4 % lighter, same sets
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.HYBRID);
    assertThat(out.mainLiftSets()).hasSize(2).allSatisfy(s -> assertThat(s.weightKg()).isEqualTo(107.5));
    assertThat(out.comparison().shouldSurfaceToUser()).isFalse();
    assertThat(out.comparison().divergence().weightPct()).isCloseTo(5.0 / 112.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(out.comparison().divergence().setDelta()).isZero();
    assertThat(out.comparison().formulaOutput().mainLiftSets().get(0).weightKg()).isEqualTo(112.5);

    StoredComparison log = onlyComparison();
    assertThat(log.strategyUsed()).isEqualTo("hybrid");
    assertThat(log.failureReason()).isNull();
    assertThat(JitJson.mapper().readTree(log.llmOutputJson()).at("/mainLiftSets/0/weight_kg").asDouble()).isEqualTo(107.5);
    assertThat(JitJson.mapper().readTree(log.formulaOutputJson()).at("/mainLiftSets/0/weight_kg").asDouble()).isEqualTo(112.5);
    assertThat(JitJson.mapper().readTree(log.divergenceJson()).get("setDelta").asInt()).isZero();
  }

  @Test
  void aTenToFifteenPercentDifferenceIsLoggedNotSurfaced() {
    JitOutput out = hybrid(answer(0.88, 0)); // 99 → 100: 11.1 % lighter, same sets
    assertThat(out.mainLiftSets().get(0).weightKg()).isEqualTo(100.0);
    assertThat(out.comparison().divergence().weightPct()).isBetween(0.10, 0.15);
    assertThat(out.comparison().shouldSurfaceToUser()).isFalse();
    assertThat(onlyComparison().strategyUsed()).isEqualTo("hybrid");
  }

  @Test
  void moreThanFifteenPercentIsSurfaced() {
    JitOutput out = hybrid(answer(0.80, 0)); // 90: 20 % lighter
    assertThat(out.comparison().shouldSurfaceToUser()).isTrue();
    assertThat(out.comparison().divergence().summary()).isEqualTo("Model reason 0.8");
  }

  @Test
  void aDifferentSetCountIsSurfacedEvenAtTheSameWeight() {
    JitOutput out = hybrid(answer(1.0, -1));
    assertThat(out.comparison().divergence().weightPct()).isZero();
    assertThat(out.comparison().divergence().setDelta()).isEqualTo(-1);
    assertThat(out.comparison().shouldSurfaceToUser()).isTrue();
  }

  @Test
  void aFailingModelFallsBackAndTheFailureIsLogged() throws Exception {
    anthropic.enqueue(Behavior.status(529));
    JitInput input = Fixtures.f().build();
    JitOutput out = runtime.registry().get(StrategySetting.HYBRID).generate(input);
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
    assertThat(out.fallbackReason()).startsWith("http_status: anthropic answered HTTP 529 (overloaded)");
    assertThat(out.comparison()).isNull();
    assertThat(out).isEqualTo(Fixtures.formula().generate(input).asFallback(out.fallbackReason()));

    StoredComparison log = onlyComparison();
    assertThat(log.strategyUsed()).isEqualTo("formula_fallback");
    assertThat(log.failureReason()).isEqualTo(out.fallbackReason());
    assertThat(log.llmOutputJson()).isNull();
    assertThat(log.divergenceJson()).isNull();
    JsonNode input0 = JitJson.mapper().readTree(log.jitInputJson());
    assertThat(input0.get("sessionId").asText()).isEqualTo("sess-001");
  }

  @Test
  void aFailingComparisonLogNeverFailsTheGeneration() {
    List<RuntimeException> reported = new CopyOnWriteArrayList<>();
    StrategyEvents events =
        new StrategyEvents() {
          @Override
          public void modelFailed(String sessionId, String model, ModelCallException failure) {}

          @Override
          public void comparisonLogFailed(String sessionId, RuntimeException failure) {
            reported.add(failure);
          }

          @Override
          public void compared(String sessionId, Divergence divergence, boolean surfaced) {}
        };
    try (ProviderAdjustmentModel model = new ProviderAdjustmentModel(settings())) {
      Database closed = Database.open("jdbc:sqlite:" + dir.resolve("closed.db"), Fixtures.CLOCK);
      closed.close(); // every write to it now fails
      JitGeneratorStrategy hybrid =
          StrategyRegistry.create(
                  Fixtures.CLOCK, model, LlmJitGenerator.DEFAULT_DEADLINE, () -> true, closed.comparisonLog(), events)
              .get(StrategySetting.HYBRID);
      anthropic.enqueue(Behavior.answer(answer(0.80, 0)));

      JitOutput out = hybrid.generate(poorSleep());

      assertThat(out.jitStrategy()).isEqualTo(JitStrategy.HYBRID);
      assertThat(out.comparison().shouldSurfaceToUser()).isTrue();
      assertThat(reported).hasSize(1);
    }
  }
}

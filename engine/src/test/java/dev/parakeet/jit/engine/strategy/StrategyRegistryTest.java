package dev.parakeet.jit.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.constraint.HardConstraints;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.port.ModelAvailability;
import dev.parakeet.jit.engine.strategy.formula.FormulaJitGenerator;
import dev.parakeet.jit.engine.strategy.hybrid.HybridJitGenerator;
import dev.parakeet.jit.engine.strategy.llm.LlmJitGenerator;
import dev.parakeet.jit.engine.testing.Adjustments;
import dev.parakeet.jit.engine.testing.FakeAdjustmentModel;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.testing.RecordingComparisonLog;
import dev.parakeet.jit.engine.testing.RecordingStrategyEvents;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Choosing a strategy (SPEC §7)")
class StrategyRegistryTest {

  private final AtomicBoolean online = new AtomicBoolean(true);
  private final FormulaJitGenerator formula = Fixtures.formula();
  private final RecordingStrategyEvents events = new RecordingStrategyEvents();
  private final LlmJitGenerator llm =
      new LlmJitGenerator(
          FakeAdjustmentModel.answering(Adjustments.adjustment(1.0, 0)), formula, new HardConstraints(),
          Fixtures.CLOCK, LlmJitGenerator.DEFAULT_DEADLINE, events);
  private final HybridJitGenerator hybrid =
      new HybridJitGenerator(formula, llm, RecordingComparisonLog.inMemory(), events, Fixtures.CLOCK);
  private final StrategyRegistry registry = new StrategyRegistry(formula, llm, hybrid, online::get);

  @Test
  void explicitSettingsChooseTheirStrategyWhateverTheAvailability() {
    for (boolean isOnline : new boolean[] {true, false}) {
      online.set(isOnline);
      assertThat(registry.get(StrategySetting.FORMULA)).isSameAs(formula);
      assertThat(registry.get(StrategySetting.LLM)).isSameAs(llm);
      assertThat(registry.get(StrategySetting.HYBRID)).isSameAs(hybrid);
    }
  }

  @Test
  void autoUsesTheModelWhenOnline() {
    online.set(true);
    assertThat(registry.choose(StrategySetting.AUTO)).isSameAs(llm);
  }

  @Test
  void autoUsesTheFormulaWhenOffline() {
    online.set(false);
    assertThat(registry.choose(StrategySetting.AUTO)).isSameAs(formula);
  }

  @Test
  void availabilityIsAskedAtEveryChoice() {
    online.set(true);
    assertThat(registry.choose(StrategySetting.AUTO)).isSameAs(llm);
    online.set(false);
    assertThat(registry.choose(StrategySetting.AUTO)).isSameAs(formula);
    online.set(true);
    assertThat(registry.choose(StrategySetting.AUTO)).isSameAs(llm);
  }

  @Test
  void theOfflineAvailabilityIsNeverOnline() {
    StrategyRegistry offline = new StrategyRegistry(formula, llm, hybrid, ModelAvailability.offline());

    assertThat(offline.choose(StrategySetting.AUTO)).isSameAs(formula);
  }

  @Test
  void theAutoStrategyChoosesAfreshAtEveryGeneration() {
    JitGeneratorStrategy auto = registry.get(StrategySetting.AUTO);
    assertThat(auto.name()).isEqualTo("auto");
    online.set(true);
    assertThat(auto.generate(Fixtures.f().build()).jitStrategy()).isEqualTo(JitStrategy.LLM);
    online.set(false);
    assertThat(auto.generate(Fixtures.f().build()).jitStrategy()).isEqualTo(JitStrategy.FORMULA);
    online.set(true);
    assertThat(auto.generate(Fixtures.f().build()).jitStrategy()).isEqualTo(JitStrategy.LLM);
  }

  @Test
  void strategiesAreNamedAfterTheirSetting() {
    assertThat(registry.get(StrategySetting.FORMULA).name()).isEqualTo("formula");
    assertThat(registry.get(StrategySetting.LLM).name()).isEqualTo("llm");
    assertThat(registry.get(StrategySetting.HYBRID).name()).isEqualTo("hybrid");
    assertThat(formula.description()).isNotBlank();
  }
}

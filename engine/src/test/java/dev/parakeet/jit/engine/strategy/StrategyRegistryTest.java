package dev.parakeet.jit.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.port.ModelAvailability;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.strategy.formula.FormulaJitGenerator;
import dev.parakeet.jit.engine.strategy.hybrid.HybridJitGenerator;
import dev.parakeet.jit.engine.strategy.llm.LlmJitGenerator;
import dev.parakeet.jit.engine.testing.Adjustments;
import dev.parakeet.jit.engine.testing.FakeAdjustmentModel;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.testing.RecordingComparisonLog;
import dev.parakeet.jit.engine.testing.RecordingStrategyEvents;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Choosing a strategy (SPEC §7) and the pipeline behind it")
class StrategyRegistryTest {

  private final AtomicBoolean online = new AtomicBoolean(true);
  private final RecordingStrategyEvents events = new RecordingStrategyEvents();
  private final FormulaJitGenerator formula = new FormulaJitGenerator();
  private final LlmJitGenerator llm =
      new LlmJitGenerator(
          FakeAdjustmentModel.answering(Adjustments.adjustment(1.0, 0)), formula,
          LlmJitGenerator.DEFAULT_DEADLINE, events);
  private final HybridJitGenerator hybrid = new HybridJitGenerator(formula, llm);
  private final SessionGenerator sessions =
      new SessionGenerator(Fixtures.CLOCK, RecordingComparisonLog.inMemory(), events);
  private final StrategyRegistry registry = new StrategyRegistry(formula, llm, hybrid, online::get, sessions);

  @Test
  void explicitSettingsChooseTheirStrategyWhateverTheAvailability() {
    for (boolean isOnline : new boolean[] {true, false}) {
      online.set(isOnline);
      assertThat(registry.choose(StrategySetting.FORMULA)).isSameAs(formula);
      assertThat(registry.choose(StrategySetting.LLM)).isSameAs(llm);
      assertThat(registry.choose(StrategySetting.HYBRID)).isSameAs(hybrid);
      assertThat(registry.get(StrategySetting.LLM).generate(Fixtures.f().build()).jitStrategy())
          .isEqualTo(JitStrategy.LLM);
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
    StrategyRegistry offline = new StrategyRegistry(formula, llm, hybrid, ModelAvailability.offline(), sessions);

    assertThat(offline.choose(StrategySetting.AUTO)).isSameAs(formula);
  }

  @Test
  void theAutoStrategyChoosesAfreshAtEveryGeneration() {
    JitGeneratorStrategy auto = registry.get(StrategySetting.AUTO);
    assertThat(auto.name()).isEqualTo("auto");
    assertThat(registry.get(StrategySetting.AUTO)).isSameAs(auto);
    online.set(true);
    Generation withModel = auto.generation(Fixtures.f().build());
    assertThat(withModel.output().jitStrategy()).isEqualTo(JitStrategy.LLM);
    assertThat(withModel.decision()).isPresent();
    online.set(false);
    Generation withoutModel = auto.generation(Fixtures.f().build());
    assertThat(withoutModel.output().jitStrategy()).isEqualTo(JitStrategy.FORMULA);
    assertThat(withoutModel.decision()).isEmpty();
    online.set(true);
    assertThat(auto.generate(Fixtures.f().build()).jitStrategy()).isEqualTo(JitStrategy.LLM);
  }

  @Test
  void strategiesAreNamedAfterTheirSetting() {
    assertThat(registry.get(StrategySetting.FORMULA).name()).isEqualTo("formula");
    assertThat(registry.get(StrategySetting.LLM).name()).isEqualTo("llm");
    assertThat(registry.get(StrategySetting.HYBRID).name()).isEqualTo("hybrid");
    assertThat(registry.get(StrategySetting.FORMULA).description()).isEqualTo(formula.description());
    assertThat(registry.get(StrategySetting.AUTO).description()).isNotBlank();
  }

  @Test
  void theInputIsResolvedOnceAndEveryDraftPassesTheConstraints() {
    // A proposer that breaks every rule it can: the pipeline, not the proposer, makes it safe.
    AtomicInteger contexts = new AtomicInteger();
    Proposer reckless =
        new Proposer() {
          @Override
          public String name() {
            return "reckless";
          }

          @Override
          public String description() {
            return "proposes 9 sets at twice the 1RM";
          }

          @Override
          public Proposal propose(SessionContext context) {
            contexts.incrementAndGet();
            return new Proposal.Formula(
                dev.parakeet.jit.engine.session.SessionDraft.byFormula(
                    new dev.parakeet.jit.engine.session.MainLift.Planned(
                        context.base().take(9, context.oneRmKg() * 2), 2.0),
                    java.util.List.of(),
                    java.util.List.of("reckless")));
          }
        };
    JitInput input = Fixtures.f().activeAuxiliaries(java.util.List.of())
        .weeklyVolume(dev.parakeet.jit.engine.model.Muscle.QUADS, 16).build();

    JitOutput out = sessions.generate(SessionContext.of(input), reckless).output();

    assertThat(contexts).hasValue(1);
    // quads 16 of 20: 4 sets; 280 kg for 5 → 122.5, the most for 5 reps at a 1RM of 140
    assertThat(out.mainLiftSets()).hasSize(4);
    assertThat(out.mainLiftSets()).extracting(s -> s.weightKg()).containsOnly(122.5);
    assertThat(out.warmupSets()).isNotEmpty();
  }
}

package dev.parakeet.jit.engine.strategy.hybrid;

import static dev.parakeet.jit.engine.testing.Adjustments.FIRST_REASON;
import static dev.parakeet.jit.engine.testing.Adjustments.adjustment;
import static dev.parakeet.jit.engine.testing.Describe.main;
import static dev.parakeet.jit.engine.testing.Fixtures.f;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parakeet.jit.engine.model.Comparison;
import dev.parakeet.jit.engine.model.Confidence;
import dev.parakeet.jit.engine.model.DisruptionType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitInputBuilder;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.ComparisonLog;
import dev.parakeet.jit.engine.port.ComparisonRecord;
import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.model.AppliedConstraint;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.strategy.Generation;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.strategy.llm.LlmJitGenerator;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.testing.Adjustments;
import dev.parakeet.jit.engine.testing.FakeAdjustmentModel;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.testing.RecordingComparisonLog;
import dev.parakeet.jit.engine.testing.RecordingStrategyEvents;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §6 with in-process fakes. Fixture F: the formula gives 2×5 @112.5. */
@DisplayName("Hybrid strategy (SPEC §6)")
class HybridJitGeneratorTest {

  private final RecordingStrategyEvents events = new RecordingStrategyEvents();
  private final RecordingComparisonLog log = RecordingComparisonLog.inMemory();

  private JitGeneratorStrategy hybrid(AdjustmentModel model, ComparisonLog log, Duration deadline) {
    return Fixtures.hybrid(model, deadline, log, events);
  }

  private JitOutput generate(JitAdjustment adjustment, JitInputBuilder input) {
    return hybrid(FakeAdjustmentModel.answering(adjustment), log, LlmJitGenerator.DEFAULT_DEADLINE)
        .generate(input.build());
  }

  private static JitOutput formula(JitInputBuilder input) {
    return Fixtures.formula().generate(input.build());
  }

  @Test
  void agreementServesTheModelsSessionWithNothingToSurface() {
    JitOutput out = generate(adjustment(1.0, 0), f());

    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.HYBRID);
    assertThat(main(out)).isEqualTo("2×5 @112.5");
    assertThat(out.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(out.fallbackReason()).isNull();
    Comparison comparison = out.comparison();
    assertThat(comparison.shouldSurfaceToUser()).isFalse();
    assertThat(comparison.divergence().weightPct()).isZero();
    assertThat(comparison.divergence().setDelta()).isZero();
    assertThat(comparison.divergence().summary()).isEqualTo(FIRST_REASON);
    assertThat(comparison.formulaOutput()).isEqualTo(formula(f()));
    assertThat(out.rationale()).containsExactly(FIRST_REASON, "second reason");
  }

  /**
   * Poor sleep is a cut signal the formula does not use: the model may go as low as it likes and
   * the formula's session stays F1's.
   */
  private static JitInputBuilder poorSleep(JitInputBuilder input) {
    return input.sleepQuality(2.0);
  }

  /** Formula first set 112.5; the model's weight is round(112.5 × intensity). */
  @ParameterizedTest(name = "× {0} → {1} kg: weightPct {2}, surfaced {3}")
  @CsvSource({
    // 117 → 117.5: 5 / 112.5 = 0.044 → agreement
    "1.04, 117.5, 0.0444444, false",
    // 103.5 → 102.5: 10 / 112.5 = 0.089 ≤ 0.10 → agreement
    "0.92, 102.5, 0.0888889, false",
    // 100.125 → 100: 12.5 / 112.5 = 0.111, equal sets → logged, not surfaced
    "0.89, 100, 0.1111111, false",
    // 90: 0.20 → surfaced
    "0.80, 90, 0.2, true"
  })
  void weightDivergence(double intensity, double llmWeight, double weightPct, boolean surfaced) {
    JitOutput out = generate(adjustment(intensity, 0), poorSleep(f()));

    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.HYBRID);
    assertThat(out.mainLiftSets().get(0).weightKg()).isEqualTo(llmWeight);
    assertThat(out.comparison().formulaOutput().mainLiftSets().get(0).weightKg()).isEqualTo(112.5);
    assertThat(out.comparison().divergence().weightPct()).isCloseTo(weightPct, within(1e-6));
    assertThat(out.comparison().divergence().setDelta()).isZero();
    assertThat(out.comparison().shouldSurfaceToUser()).isEqualTo(surfaced);
    assertThat(events.comparisons()).singleElement().satisfies(c -> assertThat(c.surfaced()).isEqualTo(surfaced));
  }

  /** Block 3 heavy: 4×1 @125 for both; poor sleep lets the model drop sets. */
  @ParameterizedTest(name = "setModifier {0} → setDelta {1}, surfaced")
  @CsvSource({"-1, -1", "-2, -2", "-3, -3"})
  void anySetDifferenceIsSurfaced(int setModifier, int setDelta) {
    JitOutput out = generate(adjustment(1.0, setModifier), poorSleep(f().blockNumber(3)));

    assertThat(out.comparison().divergence().weightPct()).isZero();
    assertThat(out.comparison().divergence().setDelta()).isEqualTo(setDelta);
    assertThat(out.comparison().shouldSurfaceToUser()).isTrue();
    assertThat(out.mainLiftSets()).hasSize(4 + setDelta);
  }

  @Test
  void theModelsSideGoesThroughTheOverreactionGuardAndTheFormulasDoesNot() {
    Generation generation =
        hybrid(FakeAdjustmentModel.answering(adjustment(0.5, 2)), log, LlmJitGenerator.DEFAULT_DEADLINE)
            .generation(f().build());
    JitOutput out = generation.output();

    // no signal: clamped to the base 2 sets at round(0.90 × 112.5)
    assertThat(main(out)).isEqualTo("2×5 @102.5");
    assertThat(out.constraintsApplied()).extracting(AppliedConstraint::rule)
        .containsExactly(ConstraintRule.OVERREACTION_GUARD);
    assertThat(out.comparison().formulaOutput()).isEqualTo(formula(f()));
    assertThat(out.comparison().formulaOutput().constraintsApplied()).isEmpty();
    assertThat(generation.decision().orElseThrow().outcome()).isEqualTo("clamped");
  }

  @Test
  void aSkippedModelLiftCountsAsWeightZero() {
    JitOutput out = generate(Adjustments.skipMainLift(), poorSleep(f()));

    assertThat(out.skippedMainLift()).isTrue();
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.HYBRID);
    assertThat(out.comparison().divergence().weightPct()).isEqualTo(1.0);
    assertThat(out.comparison().divergence().setDelta()).isEqualTo(-2);
    assertThat(out.comparison().shouldSurfaceToUser()).isTrue();
  }

  @Test
  void bothSkippedAgree() {
    JitOutput out = generate(adjustment(1.0, 0), f().weeklyVolume(Muscle.QUADS, 20));

    assertThat(out.skippedMainLift()).isTrue();
    assertThat(out.comparison().divergence().weightPct()).isZero();
    assertThat(out.comparison().divergence().setDelta()).isZero();
    assertThat(out.comparison().shouldSurfaceToUser()).isFalse();
  }

  @Test
  void aMajorDisruptionSkipsBothSidesWhateverTheModelProposed() {
    JitInputBuilder input =
        f().disruption(TrainingDisruption.of(DisruptionType.INJURY, Severity.MAJOR, null, "back spasm"));

    JitOutput out = generate(adjustment(1.0, 0), input);

    assertThat(out.skippedMainLift()).isTrue();
    assertThat(out.comparison().formulaOutput().skippedMainLift()).isTrue();
    assertThat(out.constraintsApplied()).extracting(AppliedConstraint::rule)
        .containsExactly(ConstraintRule.MAJOR_DISRUPTION);
    assertThat(out.comparison().divergence().weightPct()).isZero();
    assertThat(out.comparison().divergence().setDelta()).isZero();
    assertThat(out.comparison().shouldSurfaceToUser()).isFalse();
  }

  @Test
  void everySuccessfulRunWritesOneComparison() {
    JitInput input = f().build();
    JitOutput out = generate(adjustment(0.8, 0), f());

    assertThat(log.records()).hasSize(1);
    ComparisonRecord record = log.records().get(0);
    assertThat(record.input()).isEqualTo(input);
    assertThat(record.formulaOutput()).isEqualTo(formula(f()));
    assertThat(record.llmOutput().jitStrategy()).isEqualTo(JitStrategy.LLM);
    assertThat(record.llmOutput().mainLiftSets()).isEqualTo(out.mainLiftSets());
    assertThat(record.divergence()).isEqualTo(out.comparison().divergence());
    assertThat(record.strategyUsed()).isEqualTo(JitStrategy.HYBRID);
    assertThat(record.failureReason()).isNull();
    assertThat(record.createdAt()).isEqualTo(Fixtures.NOW);
  }

  @Test
  void aModelFailureServesTheFormulaAndLogsTheReason() {
    ModelCallException failure = new ModelCallException(ModelCallException.Kind.HTTP_STATUS, "HTTP 529 overloaded");
    JitInput input = f().soreness(Muscle.QUADS, 4).build();

    Generation generation =
        hybrid(FakeAdjustmentModel.failingWith(failure), log, LlmJitGenerator.DEFAULT_DEADLINE).generation(input);
    JitOutput out = generation.output();
    assertThat(generation.decision().orElseThrow().outcome()).isEqualTo("http_status");

    JitOutput formula = Fixtures.formula().generate(input);
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
    assertThat(out.fallbackReason()).isEqualTo("http_status: HTTP 529 overloaded");
    assertThat(out.comparison()).isNull();
    assertThat(out.confidence()).isNull();
    assertThat(out.mainLiftSets()).isEqualTo(formula.mainLiftSets());
    assertThat(out.warmupSets()).isEqualTo(formula.warmupSets());
    assertThat(out.auxiliaryWork()).isEqualTo(formula.auxiliaryWork());
    assertThat(out.rationale()).isEqualTo(formula.rationale());
    assertThat(out.warnings()).isEqualTo(formula.warnings());
    assertThat(out.volumeModifier()).isEqualTo(formula.volumeModifier());
    assertThat(out.intensityModifier()).isEqualTo(formula.intensityModifier());

    assertThat(log.records()).hasSize(1);
    ComparisonRecord record = log.records().get(0);
    assertThat(record.strategyUsed()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
    assertThat(record.failureReason()).isEqualTo("http_status: HTTP 529 overloaded");
    assertThat(record.llmOutput()).isNull();
    assertThat(record.divergence()).isNull();
    assertThat(record.formulaOutput()).isEqualTo(formula);
    assertThat(record.input()).isEqualTo(input);
    assertThat(events.modelFailures()).hasSize(1);
    assertThat(events.comparisons()).isEmpty();
  }

  @Test
  @Timeout(30)
  void aModelThatNeverAnswersFallsBackAtTheDeadlineAndIsCancelled() {
    FakeAdjustmentModel model = FakeAdjustmentModel.neverAnswering();

    JitOutput out = hybrid(model, log, Duration.ofMillis(200)).generate(f().build());

    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
    assertThat(out.fallbackReason()).startsWith("timeout: ");
    assertThat(model.futures().get(0).isCancelled()).isTrue();
    assertThat(log.records()).singleElement().satisfies(r -> assertThat(r.failureReason()).startsWith("timeout: "));
  }

  @Test
  void aFailingComparisonLogDoesNotFailTheGeneration() {
    IllegalStateException broken = new IllegalStateException("database is read-only");
    RecordingComparisonLog failing = RecordingComparisonLog.failingWith(broken);

    JitOutput out =
        hybrid(FakeAdjustmentModel.answering(adjustment(0.9, 0)), failing, LlmJitGenerator.DEFAULT_DEADLINE)
            .generate(f().build());

    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.HYBRID);
    assertThat(failing.records()).hasSize(1);
    assertThat(events.logFailures()).singleElement().satisfies(
        failure -> {
          assertThat(failure.sessionId()).isEqualTo("sess-001");
          assertThat(failure.failure()).isSameAs(broken);
        });
  }

  @Test
  void aFailingComparisonLogDoesNotFailTheFallbackEither() {
    IllegalStateException broken = new IllegalStateException("disk full");

    JitOutput out =
        hybrid(
                FakeAdjustmentModel.failingWith(new ModelCallException(ModelCallException.Kind.CONNECTION, "reset")),
                RecordingComparisonLog.failingWith(broken),
                LlmJitGenerator.DEFAULT_DEADLINE)
            .generate(f().build());

    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
    assertThat(events.logFailures()).extracting(RecordingStrategyEvents.LogFailure::failure).containsExactly(broken);
  }

  @Test
  void summaryIsTheModelsFirstRationaleLine() {
    JitAdjustment adjustment =
        new JitAdjustment(0.9, 0, false, List.of(), List.of("Knee flagged — go lighter.", "Rest well."), Confidence.LOW);

    JitOutput out = generate(adjustment, f());

    assertThat(out.comparison().divergence().summary()).isEqualTo("Knee flagged — go lighter.");
    assertThat(events.comparisons()).singleElement().satisfies(c -> assertThat(c.divergence()).isEqualTo(out.comparison().divergence()));
  }

  @Test
  void nameIsHybrid() {
    assertThat(hybrid(FakeAdjustmentModel.neverAnswering(), log, Duration.ofMillis(1)).name()).isEqualTo("hybrid");
  }
}

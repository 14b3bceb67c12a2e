package dev.parakeet.jit.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.constraint.HardConstraints;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.strategy.formula.FormulaJitGenerator;
import dev.parakeet.jit.engine.strategy.hybrid.HybridJitGenerator;
import dev.parakeet.jit.engine.strategy.llm.AdjustmentApplier;
import dev.parakeet.jit.engine.port.AuxAction;
import dev.parakeet.jit.engine.port.AuxOverride;
import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.strategy.llm.LlmJitGenerator;
import dev.parakeet.jit.engine.testing.FakeAdjustmentModel;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.testing.OutputInvariants;
import dev.parakeet.jit.engine.testing.RandomInputs;
import dev.parakeet.jit.engine.testing.RecordingComparisonLog;
import dev.parakeet.jit.engine.testing.RecordingStrategyEvents;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded randomized properties: thousands of valid inputs from {@link RandomInputs}, and for the
 * LLM random in-bounds adjustments from a fake model, must each give a session that satisfies
 * {@link OutputInvariants}. A failure names its case number; rerun with the same seed to replay it.
 */
@DisplayName("Randomized properties of generated sessions")
class GenerationPropertiesTest {

  static final int CASES = 3_000;
  static final long FORMULA_SEED = RandomInputs.DEFAULT_SEED;
  static final long LLM_SEED = RandomInputs.DEFAULT_SEED + 1;
  static final long HYBRID_SEED = RandomInputs.DEFAULT_SEED + 2;

  private static String label(int index, JitInput input) {
    return "#" + index + " " + input.primaryLift().wire() + " b" + input.blockNumber() + " "
        + input.intensityType().wire() + " 1RM " + input.oneRmKg();
  }

  static Stream<Arguments> formulaCases() {
    RandomInputs random = new RandomInputs(FORMULA_SEED);
    return IntStream.range(0, CASES)
        .mapToObj(i -> {
          JitInput input = random.next();
          return Arguments.of(Named.of(label(i, input), input));
        });
  }

  static Stream<Arguments> llmCases() {
    return adjustedCases(LLM_SEED, CASES);
  }

  static Stream<Arguments> hybridCases() {
    return adjustedCases(HYBRID_SEED, 1_000);
  }

  private static Stream<Arguments> adjustedCases(long seed, int count) {
    RandomInputs random = new RandomInputs(seed);
    return IntStream.range(0, count)
        .mapToObj(i -> {
          JitInput input = random.next();
          JitAdjustment adjustment = random.nextAdjustment(input);
          return Arguments.of(Named.of(label(i, input), input), adjustment);
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formulaCases")
  void formulaSessionsAreAlwaysValidAndDeterministic(JitInput input) {
    FormulaJitGenerator formula = Fixtures.formula();

    JitOutput out = formula.generate(input);

    OutputInvariants.assertValid(input, out);
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA);
    assertThat(out.confidence()).isNull();
    assertThat(out.fallbackReason()).isNull();
    assertThat(out.rationale()).isNotEmpty();
    assertThat(formula.generate(input)).as("pure: same input and clock, same output").isEqualTo(out);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("llmCases")
  void llmSessionsFromAnyInBoundsAdjustmentAreAlwaysValid(JitInput input, JitAdjustment adjustment) {
    RecordingStrategyEvents events = new RecordingStrategyEvents();
    LlmJitGenerator llm = llm(adjustment, events);

    JitOutput out = llm.generate(input);

    OutputInvariants.assertValid(input, out);
    assertThat(out.jitStrategy()).as("a valid answer is used").isEqualTo(JitStrategy.LLM);
    assertThat(events.modelFailures()).isEmpty();
    assertThat(out.confidence()).isEqualTo(adjustment.confidence());
    // The model's reasons, in order; the constraint layer may add why it reshaped the main lift.
    assertThat(out.rationale()).startsWith(adjustment.rationale().toArray(String[]::new));
    assertThat(out.rationale().subList(adjustment.rationale().size(), out.rationale().size()))
        .allSatisfy(line -> assertThat(line).startsWith("Weekly volume: "));
    if (out.rationale().size() > adjustment.rationale().size()) {
      assertThat(out.constraintsApplied()).extracting(c -> c.rule()).contains(ConstraintRule.MRV_CAP);
    }
    if (adjustment.skipMainLift()) {
      assertThat(out.skippedMainLift()).isTrue();
    } else {
      assertThat(out.mainLiftSets().size()).as("never more than base + 2 sets")
          .isLessThanOrEqualTo(
              dev.parakeet.jit.engine.session.SessionContext.of(input).base().count() + 2);
    }
    for (AuxiliaryWork work : out.auxiliaryWork()) {
      if (firstOverride(adjustment, work.exercise()) == AuxAction.SKIP) {
        assertThat(work.skipped()).isTrue();
        assertThat(work.skipReason()).isEqualTo(AdjustmentApplier.SKIP_OVERRIDE);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hybridCases")
  void hybridSessionsAreTheModelsWithTheFormulasBesideThem(JitInput input, JitAdjustment adjustment) {
    RecordingStrategyEvents events = new RecordingStrategyEvents();
    RecordingComparisonLog log = RecordingComparisonLog.inMemory();
    FormulaJitGenerator formula = Fixtures.formula();
    HybridJitGenerator hybrid =
        new HybridJitGenerator(formula, llm(adjustment, events), log, events, Fixtures.CLOCK);

    JitOutput out = hybrid.generate(input);

    OutputInvariants.assertValid(input, out);
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.HYBRID);
    assertThat(out.comparison().formulaOutput()).isEqualTo(formula.generate(input));
    assertThat(out.comparison().divergence().weightPct()).isBetween(0.0, 10.0);
    assertThat(out.comparison().divergence().summary()).isEqualTo(adjustment.rationale().get(0));
    assertThat(log.records()).hasSize(1);
  }

  private static LlmJitGenerator llm(JitAdjustment adjustment, RecordingStrategyEvents events) {
    return new LlmJitGenerator(
        FakeAdjustmentModel.answering(adjustment), Fixtures.formula(), new HardConstraints(),
        Fixtures.CLOCK, LlmJitGenerator.DEFAULT_DEADLINE, events);
  }

  /** The action of the first override naming {@code exercise} (case-insensitively), or null. */
  private static AuxAction firstOverride(JitAdjustment adjustment, String exercise) {
    String name = exercise.strip().toLowerCase(Locale.ROOT);
    List<AuxOverride> overrides = adjustment.auxOverrides();
    for (AuxOverride override : overrides) {
      if (override.exercise().strip().toLowerCase(Locale.ROOT).equals(name)) {
        return override.action();
      }
    }
    return null;
  }
}

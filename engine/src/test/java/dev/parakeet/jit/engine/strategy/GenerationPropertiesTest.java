package dev.parakeet.jit.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.port.AuxAction;
import dev.parakeet.jit.engine.port.AuxOverride;
import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.strategy.llm.AdjustmentApplier;
import dev.parakeet.jit.engine.strategy.llm.LlmJitGenerator;
import dev.parakeet.jit.engine.testing.FakeAdjustmentModel;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.testing.OutputInvariants;
import dev.parakeet.jit.engine.testing.RandomInputs;
import dev.parakeet.jit.engine.testing.RecordingComparisonLog;
import dev.parakeet.jit.engine.testing.RecordingStrategyEvents;
import java.util.List;
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
  static final long ENVELOPE_SEED = RandomInputs.DEFAULT_SEED + 3;

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

  /** Random in-bounds adjustments on fixture F, where nothing signals a cut or a push. */
  static Stream<Arguments> envelopeCases() {
    RandomInputs random = new RandomInputs(ENVELOPE_SEED);
    JitInput f = Fixtures.f().build();
    return IntStream.range(0, 2_000)
        .mapToObj(i -> {
          JitAdjustment adjustment = random.nextAdjustment(f);
          return Arguments.of(
              Named.of("#" + i + " ×" + adjustment.intensityModifier() + " " + adjustment.setModifier()
                  + (adjustment.skipMainLift() ? " skip" : ""), adjustment));
        });
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
    JitGeneratorStrategy formula = Fixtures.formula();

    Generation generation = formula.generation(input);
    JitOutput out = generation.output();

    OutputInvariants.assertValid(input, out);
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA);
    assertThat(out.confidence()).isNull();
    assertThat(out.fallbackReason()).isNull();
    assertThat(out.rationale()).isNotEmpty();
    assertThat(generation.decision()).as("no model asked").isEmpty();
    assertThat(formula.generate(input)).as("pure: same input and clock, same output").isEqualTo(out);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("llmCases")
  void llmSessionsFromAnyInBoundsAdjustmentAreAlwaysValid(JitInput input, JitAdjustment adjustment) {
    RecordingStrategyEvents events = new RecordingStrategyEvents();

    Generation generation = llm(adjustment, events).generation(input);
    JitOutput out = generation.output();

    OutputInvariants.assertValid(input, out);
    assertThat(out.jitStrategy()).as("a valid answer is used").isEqualTo(JitStrategy.LLM);
    assertThat(events.modelFailures()).isEmpty();
    assertThat(out.confidence()).isEqualTo(adjustment.confidence());
    // The model's reasons, in order; the constraint layer may add why it reshaped the session.
    assertThat(out.rationale()).startsWith(adjustment.rationale().toArray(String[]::new));
    List<String> added = out.rationale().subList(adjustment.rationale().size(), out.rationale().size());
    List<ConstraintRule> rules = out.constraintsApplied().stream().map(c -> c.rule()).toList();
    for (String line : added) {
      if (line.startsWith("Weekly volume: ")) {
        assertThat(rules).contains(ConstraintRule.MRV_CAP);
      } else if (line.startsWith("Over-reaction guard: ")) {
        assertThat(rules).contains(ConstraintRule.OVERREACTION_GUARD);
      } else if (line.startsWith("Injury protection: ")) {
        assertThat(rules).contains(ConstraintRule.AUXILIARY);
      } else {
        assertThat(line).startsWith("Major disruption — ");
        assertThat(rules).contains(ConstraintRule.MAJOR_DISRUPTION);
      }
    }
    ModelDecision decision = generation.decision().orElseThrow();
    assertThat(decision.adjustment()).containsSame(adjustment);
    assertThat(decision.outcome())
        .isEqualTo(
            rules.contains(ConstraintRule.OVERREACTION_GUARD) || rules.contains(ConstraintRule.MAJOR_DISRUPTION)
                ? "clamped"
                : "used");
    assertThat(out.mainLiftSets().size()).as("never more than base + 2 sets")
        .isLessThanOrEqualTo(SessionContext.of(input).base().count() + 2);
    for (AuxiliaryWork work : out.auxiliaryWork()) {
      if (firstOverride(adjustment, work.exercise()) == AuxAction.SKIP) {
        assertThat(work.skipped()).isTrue();
        assertThat(work.skipReason())
            .isEqualTo(
                rules.contains(ConstraintRule.MAJOR_DISRUPTION)
                    ? "Main lift skipped — auxiliary suppressed"
                    : AdjustmentApplier.SKIP_OVERRIDE);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hybridCases")
  void hybridSessionsAreTheModelsWithTheFormulasBesideThem(JitInput input, JitAdjustment adjustment) {
    RecordingStrategyEvents events = new RecordingStrategyEvents();
    RecordingComparisonLog log = RecordingComparisonLog.inMemory();
    JitGeneratorStrategy hybrid =
        Fixtures.hybrid(FakeAdjustmentModel.answering(adjustment), LlmJitGenerator.DEFAULT_DEADLINE, log, events);

    Generation generation = hybrid.generation(input);
    JitOutput out = generation.output();

    OutputInvariants.assertValid(input, out);
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.HYBRID);
    assertThat(generation.decision()).isPresent();
    assertThat(out.comparison().formulaOutput()).isEqualTo(Fixtures.formula().generate(input));
    assertThat(out.comparison().divergence().weightPct()).isBetween(0.0, 10.0);
    assertThat(out.comparison().divergence().summary()).isEqualTo(adjustment.rationale().get(0));
    assertThat(log.records()).hasSize(1);
  }

  /**
   * Fixture F carries no signal at all, so every adjustment must end inside the envelope exactly:
   * never skipped, 1–2 sets of the base 2, round(0.90 × 112.5) = 102.5 to round(1.05 × 112.5) =
   * 117.5 kg; clamped when and only when the proposal was outside.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("envelopeCases")
  void withoutASignalEveryModelProposalEndsInsideTheEnvelope(JitAdjustment adjustment) {
    JitInput input = Fixtures.f().build();

    Generation generation = llm(adjustment, new RecordingStrategyEvents()).generation(input);
    JitOutput out = generation.output();

    OutputInvariants.assertValid(input, out);
    assertThat(out.skippedMainLift()).isFalse();
    assertThat(out.mainLiftSets().size()).isBetween(1, 2);
    assertThat(out.mainLiftSets()).extracting(PlannedSet::weightKg).allSatisfy(w -> assertThat(w).isBetween(102.5, 117.5));
    int proposedSets = Math.max(1, Math.min(4, 2 + adjustment.setModifier()));
    double proposedWeight = Math.round(112.5 * adjustment.intensityModifier() / 2.5 + 1e-9) * 2.5;
    boolean outside =
        adjustment.skipMainLift() || proposedSets > 2 || proposedWeight < 102.5 || proposedWeight > 117.5;
    assertThat(generation.decision().orElseThrow().outcome()).isEqualTo(outside ? "clamped" : "used");
    if (!outside) {
      assertThat(out.mainLiftSets()).hasSize(proposedSets);
      assertThat(out.mainLiftSets().get(0).weightKg()).isEqualTo(proposedWeight);
    }
  }

  private static JitGeneratorStrategy llm(JitAdjustment adjustment, RecordingStrategyEvents events) {
    return Fixtures.llm(FakeAdjustmentModel.answering(adjustment), LlmJitGenerator.DEFAULT_DEADLINE, events);
  }

  /** The action of the first override naming {@code exercise} as the catalogue matches names, or null. */
  private static AuxAction firstOverride(JitAdjustment adjustment, String exercise) {
    String name = dev.parakeet.jit.engine.calc.AuxiliaryCatalogue.key(exercise);
    List<AuxOverride> overrides = adjustment.auxOverrides();
    for (AuxOverride override : overrides) {
      if (dev.parakeet.jit.engine.calc.AuxiliaryCatalogue.key(override.exercise()).equals(name)) {
        return override.action();
      }
    }
    return null;
  }
}

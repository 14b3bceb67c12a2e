package dev.parakeet.jit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark inputs take the branches their names promise. This runs no benchmark: it only
 * keeps the mix honest when the engine changes.
 */
class ScenarioTest {

  private static final JitGeneratorStrategy FORMULA = Scenario.formula();

  private static Map<Scenario, JitOutput> outputs() {
    Map<Scenario, JitOutput> out = new EnumMap<>(Scenario.class);
    for (Scenario scenario : Scenario.values()) {
      out.put(scenario, FORMULA.generate(scenario.input()));
    }
    return out;
  }

  @Test
  void everyScenarioTakesItsBranch() {
    Map<Scenario, JitOutput> out = outputs();

    assertThat(out.get(Scenario.PLAIN).constraintsApplied()).isEmpty();
    assertThat(out.get(Scenario.PLAIN).intensityModifier()).isEqualTo(1.0);
    assertThat(String.join(" ", out.get(Scenario.HIGH_SORENESS).rationale()))
        .contains("High soreness").contains("ignored");
    assertThat(String.join(" ", out.get(Scenario.MODERATE_SORENESS_RPE_TREND).rationale()))
        .contains("Moderate soreness").contains("easier");
    assertThat(out.get(Scenario.SEVERE_SORENESS_RECOVERY).intensityModifier()).isEqualTo(0.40);
    assertThat(String.join(" ", out.get(Scenario.INJURY_MODERATE).rationale())).contains("left knee");
    assertThat(out.get(Scenario.ILLNESS_REP_DAY).mainLiftSets())
        .extracting(PlannedSet::repsRange)
        .doesNotContainNull();
    assertThat(String.join(" ", out.get(Scenario.ILLNESS_REP_DAY).rationale()))
        .contains("fewer reps").doesNotContain("old tweak");
    assertThat(out.get(Scenario.MAJOR_DISRUPTION).skippedMainLift()).isTrue();
    assertThat(out.get(Scenario.NEAR_MRV).constraintsApplied())
        .extracting(c -> c.rule())
        .contains(ConstraintRule.MRV_CAP);
    assertThat(out.get(Scenario.AT_MRV).skippedMainLift()).isTrue();
    assertThat(String.join(" ", out.get(Scenario.DELOAD).rationale())).contains("Deload").contains("poor sleep");
    assertThat(out.get(Scenario.BENCH_REP_DAY).mainLiftSets())
        .extracting(PlannedSet::repsRange)
        .doesNotContainNull();
    assertThat(out.get(Scenario.BENCH_REP_DAY).auxiliaryWork()).hasSize(3);
    assertThat(String.join(" ", out.get(Scenario.BENCH_EXPLOSIVE_LATE_LUTEAL).rationale()))
        .contains("Late-luteal").contains("High soreness");
    assertThat(out.get(Scenario.DEADLIFT_HEAVY_BLOCK3).mainLiftSets()).hasSize(4);
    assertThat(out.get(Scenario.DEADLIFT_HEAVY_BLOCK3).auxiliaryWork()).hasSize(3);
    assertThat(String.join(" ", out.get(Scenario.DEADLIFT_REP_RECENCY).rationale())).contains("10 days");
    assertThat(out.get(Scenario.DEADLIFT_REP_RECENCY).warnings()).isNotEmpty();
    assertThat(out.get(Scenario.CONFIG_OVERRIDE_CUSTOM_WARMUP).mainLiftSets()).hasSize(3);
    assertThat(out.get(Scenario.CONFIG_OVERRIDE_CUSTOM_WARMUP).warmupSets()).hasSize(4);
    assertThat(String.join(" ", out.get(Scenario.LIGHT_LIFTER_TRAVEL).rationale())).contains("hotel gym");
    assertThat(out.get(Scenario.LIGHT_LIFTER_TRAVEL).warmupSets()).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void theMixHoldsEveryScenarioEquallyOften() {
    JitInput[] mix = FormulaGenerationBenchmark.mix(FormulaGenerationBenchmark.SEQUENCE_LENGTH, 1L);
    assertThat(mix).hasSize(FormulaGenerationBenchmark.SEQUENCE_LENGTH).doesNotContainNull();
    Map<String, Long> counts = new java.util.HashMap<>();
    Arrays.stream(mix).forEach(in -> counts.merge(in.sessionId(), 1L, Long::sum));
    assertThat(counts).hasSize(Scenario.values().length);
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isEqualTo(64L));
  }
}

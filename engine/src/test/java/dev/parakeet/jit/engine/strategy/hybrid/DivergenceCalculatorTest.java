package dev.parakeet.jit.engine.strategy.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Divergence between formula and model (SPEC §6)")
class DivergenceCalculatorTest {

  private static JitOutput output(int sets, double weight, String... rationale) {
    List<PlannedSet> planned = new ArrayList<>();
    for (int i = 1; i <= sets; i++) {
      planned.add(new PlannedSet(i, weight, 5, 8, null));
    }
    return new JitOutput(
        "s", Fixtures.NOW, planned, List.of(), List.of(), 1, 1, List.of(rationale), List.of(),
        sets == 0, JitStrategy.LLM, List.of(), null, null, null);
  }

  @ParameterizedTest(name = "weightPct {0}, setDelta {1} → agree {2}, surface {3}")
  @CsvSource({
    "0, 0, true, false",
    "0.10, 0, true, false",
    "0.1000001, 0, false, false",
    "0.15, 0, false, false",
    "0.1500001, 0, false, true",
    "0.5, 0, false, true",
    "0, 1, false, true",
    "0, -1, false, true",
    "0.05, 2, false, true"
  })
  void agreementAndSurfacingThresholds(double weightPct, int setDelta, boolean agree, boolean surface) {
    Divergence divergence = new Divergence(weightPct, setDelta, "");

    assertThat(DivergenceCalculator.agree(divergence)).isEqualTo(agree);
    assertThat(DivergenceCalculator.shouldSurface(divergence)).isEqualTo(surface);
  }

  @Test
  void comparesTheFirstWorkingSets() {
    Divergence divergence = DivergenceCalculator.between(output(2, 100), output(3, 85, "lighter", "more"));

    assertThat(divergence.weightPct()).isEqualTo(0.15);
    assertThat(divergence.setDelta()).isEqualTo(1);
    assertThat(divergence.summary()).isEqualTo("lighter");
  }

  @Test
  void noFormulaSetsIsZeroWeightDifferenceAndNoModelSetsIsWeightZero() {
    assertThat(DivergenceCalculator.between(output(0, 0), output(2, 100, "x")).weightPct()).isZero();
    assertThat(DivergenceCalculator.between(output(2, 100), output(0, 0, "x")).weightPct()).isEqualTo(1.0);
    assertThat(DivergenceCalculator.between(output(2, 100), output(0, 0, "x")).setDelta()).isEqualTo(-2);
  }
}

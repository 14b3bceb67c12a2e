package dev.parakeet.jit.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.WarmupPreset;
import dev.parakeet.jit.engine.model.WarmupProtocol;
import dev.parakeet.jit.engine.model.WarmupSet;
import dev.parakeet.jit.engine.model.WarmupStep;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Warm-ups (SPEC §2.7)")
class WarmupCalculatorTest {

  /** "45×5, 67.5×3", numbering checked to be 1, 2, 3... on the way. */
  private static String ramp(List<WarmupSet> sets) {
    for (int i = 0; i < sets.size(); i++) {
      assertThat(sets.get(i).setNumber()).as("set number of step %d", i).isEqualTo(i + 1);
    }
    return sets.stream()
        .map(s -> dev.parakeet.jit.engine.model.Weights.format(s.weightKg()) + "×" + s.reps())
        .collect(Collectors.joining(", "));
  }

  private static String preset(double working, WarmupPreset preset) {
    return ramp(WarmupCalculator.compute(working, WarmupCalculator.steps(preset), 2.5));
  }

  private static String custom(double working, double... pctReps) {
    return ramp(WarmupCalculator.compute(working, steps(pctReps), 2.5));
  }

  private static List<WarmupStep> steps(double... pctReps) {
    List<WarmupStep> steps = new java.util.ArrayList<>();
    for (int i = 0; i < pctReps.length; i += 2) {
      steps.add(WarmupStep.of(pctReps[i], (int) pctReps[i + 1]));
    }
    return steps;
  }

  @Test
  void specExampleStandardAt112andAHalf() {
    assertThat(preset(112.5, WarmupPreset.STANDARD)).isEqualTo("45×5, 67.5×3, 85×2, 102.5×1");
  }

  @Test
  void specExampleStandardAt30DropsTheRepeatedBar() {
    // 12 → bar 20, 18 → 17.5 → bar 20 (repeat, dropped), 22.5, 27 → 27.5
    assertThat(preset(30, WarmupPreset.STANDARD)).isEqualTo("20×5, 22.5×2, 27.5×1");
  }

  @Test
  void specExampleEmptyBarAt100() {
    assertThat(preset(100, WarmupPreset.EMPTY_BAR)).isEqualTo("20×10, 50×5, 70×3, 85×1");
  }

  @ParameterizedTest(name = "{0} at 100 kg: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "STANDARD | 40×5, 60×3, 75×2, 90×1",
        "MINIMAL | 50×5, 75×2",
        "EXTENDED | 30×10, 50×5, 65×3, 80×2, 90×1, 95×1",
        "EMPTY_BAR | 20×10, 50×5, 70×3, 85×1"
      })
  void presetsAtOneHundred(WarmupPreset preset, String expected) {
    assertThat(preset(100, preset)).isEqualTo(expected);
  }

  @Test
  void emptyBarAt112andAHalf() {
    // bar, 56.25 → 57.5, 78.75 → 80, 95.625 → 95
    assertThat(preset(112.5, WarmupPreset.EMPTY_BAR)).isEqualTo("20×10, 57.5×5, 80×3, 95×1");
  }

  @Test
  void repeatedWeightsAreDroppedAndNumberingCountsEmittedSteps() {
    // 10 → 20, 15 → 20 (dropped), 18.75 → 20 (dropped), 22.5
    List<WarmupSet> sets = WarmupCalculator.compute(25, WarmupCalculator.steps(WarmupPreset.STANDARD), 2.5);

    assertThat(sets).containsExactly(new WarmupSet(1, 20, 5), new WarmupSet(2, 22.5, 1));
  }

  @Test
  void aStepNotLighterThanTheWorkingWeightIsDropped() {
    assertThat(custom(100, 0.5, 5, 1.0, 1)).isEqualTo("50×5");
    // 99 rounds to 100: as heavy as the working set
    assertThat(custom(100, 0.99, 1)).isEmpty();
    // every step of a 22.5 kg working set is the bar; only the first is kept
    assertThat(preset(22.5, WarmupPreset.STANDARD)).isEqualTo("20×5");
  }

  @Test
  void aWorkingSetAtTheBarHasNoWarmup() {
    for (WarmupPreset preset : WarmupPreset.values()) {
      assertThat(WarmupCalculator.compute(20, WarmupCalculator.steps(preset), 2.5)).as(preset.name()).isEmpty();
    }
  }

  @Test
  void customStepsWithTheEmptyBar() {
    assertThat(custom(100, 0, 10, 0.5, 5, 0.8, 2)).isEqualTo("20×10, 50×5, 80×2");
  }

  @Test
  void stepsUseTheConfiguredIncrement() {
    assertThat(ramp(WarmupCalculator.compute(100, WarmupCalculator.steps(WarmupPreset.STANDARD), 5)))
        .isEqualTo("40×5, 60×3, 75×2, 90×1");
    // 50 / 0.7 = 71.4 → 49.7; 75 / 0.7 = 107.1 → 74.9
    assertThat(ramp(WarmupCalculator.compute(100, WarmupCalculator.steps(WarmupPreset.MINIMAL), 0.7)))
        .isEqualTo("49.7×5, 74.9×2");
  }

  @Test
  void noWorkingWeightNoWarmup() {
    assertThat(WarmupCalculator.forSession(null, WarmupProtocol.STANDARD, false, 2.5)).isEmpty();
    assertThat(WarmupCalculator.forSession(null, WarmupProtocol.STANDARD, true, 2.5)).isEmpty();
  }

  @Test
  void recoverySessionUsesTheMinimalPresetWhateverIsConfigured() {
    WarmupProtocol extended = new WarmupProtocol.Preset(WarmupPreset.EXTENDED);

    // F3: 45 kg recovery sets → 22.5×5, 35×2
    assertThat(ramp(WarmupCalculator.forSession(45.0, extended, true, 2.5))).isEqualTo("22.5×5, 35×2");
    assertThat(ramp(WarmupCalculator.forSession(100.0, new WarmupProtocol.Custom(steps(0.6, 4)), true, 2.5)))
        .isEqualTo("50×5, 75×2");
  }

  @Test
  void workingWeightBelowFortyKilosUsesTheMinimalPreset() {
    WarmupProtocol emptyBar = new WarmupProtocol.Preset(WarmupPreset.EMPTY_BAR);

    // F14: 32.5 → 16.25 → 17.5 → bar; 24.375 → 25
    assertThat(ramp(WarmupCalculator.forSession(32.5, emptyBar, false, 2.5))).isEqualTo("20×5, 25×2");
    // 39.5 at 0.5: 19.75 → 20; 29.625 → 29.5
    assertThat(ramp(WarmupCalculator.forSession(39.5, WarmupProtocol.STANDARD, false, 0.5)))
        .isEqualTo("20×5, 29.5×2");
  }

  @Test
  void fortyKilosExactlyKeepsTheConfiguredProtocol() {
    assertThat(ramp(WarmupCalculator.forSession(40.0, WarmupProtocol.STANDARD, false, 2.5)))
        .isEqualTo("20×5, 25×3, 30×2, 35×1");
  }

  @Test
  void customProtocolIsUsedForANormalSession() {
    assertThat(ramp(WarmupCalculator.forSession(100.0, new WarmupProtocol.Custom(steps(0.6, 4)), false, 2.5)))
        .isEqualTo("60×4");
  }

  @Test
  void displayWeightNamesTheBarAndDropsTrailingZeros() {
    assertThat(new WarmupSet(1, 20, 10).displayWeight()).isEqualTo("20 kg (bar)");
    assertThat(new WarmupSet(2, 45, 5).displayWeight()).isEqualTo("45 kg");
    assertThat(new WarmupSet(3, 67.5, 3).displayWeight()).isEqualTo("67.5 kg");
    assertThat(new WarmupSet(4, 101.25, 1).displayWeight()).isEqualTo("101.25 kg");
    assertThat(new WarmupSet(4, 101.25, 1).isWarmup()).isTrue();
  }
}

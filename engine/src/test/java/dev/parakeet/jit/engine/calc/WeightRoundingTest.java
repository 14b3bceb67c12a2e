package dev.parakeet.jit.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Rounding to the plate increment (SPEC §2.1)")
class WeightRoundingTest {

  @ParameterizedTest(name = "{0} kg at 2.5 → {1} kg")
  @CsvSource({
    "112, 112.5",
    "56, 55",
    "101.25, 102.5",
    "106.875, 107.5",
    "109.6875, 110",
    "115.3125, 115",
    "94.5, 95",
    "33.75, 35"
  })
  void roundsTheSpecExamplesAtTwoAndAHalf(double weight, double expected) {
    assertThat(WeightRounding.round(weight, 2.5)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} kg at {1} → {2} kg (half rounds up)")
  @CsvSource({
    // exact halves at 2.5: HALF_EVEN/rint would give 0, 5, 5 for the first three
    "1.25, 2.5, 2.5",
    "6.25, 2.5, 7.5",
    "11.25, 2.5, 12.5",
    "0.25, 0.5, 0.5",
    "1.75, 0.5, 2.0",
    "100.625, 1.25, 101.25",
    "3.125, 1.25, 3.75",
    "0.35, 0.7, 0.7",
    "1.05, 0.7, 1.4",
    "7.5, 5, 10",
    "12.5, 5, 15"
  })
  void roundsHalvesUpAtEveryIncrement(double weight, double increment, double expected) {
    assertThat(WeightRounding.round(weight, increment)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} kg at {1} → {2} kg")
  @CsvSource({
    "2.2, 0.7, 2.1",
    "6.4, 0.7, 6.3",
    "99.9, 1.25, 100",
    "99.3, 1.25, 98.75",
    "100.2, 0.5, 100",
    "100.3, 0.5, 100.5",
    "97.4, 5, 95",
    "0.1, 2.5, 0"
  })
  void roundsToTheNearestMultiple(double weight, double increment, double expected) {
    assertThat(WeightRounding.round(weight, increment)).isEqualTo(expected);
  }

  @Test
  void givesCleanDecimalsForIncrementsThatAreNotBinaryFractions() {
    // 9 × 0.7 is 6.299999999999999 in binary floating point; a plate load is written 6.3
    assertThat(WeightRounding.round(6.3, 0.7)).isEqualTo(6.3);
    assertThat(WeightRounding.round(2.1, 0.7)).isEqualTo(2.1);
    assertThat(WeightRounding.round(84.0, 0.7)).isEqualTo(84.0);
  }

  @ParameterizedTest(name = "roundDown({0}, {1}) = {2}")
  @CsvSource({
    "140, 2.5, 140",
    "141, 2.5, 140",
    "142.4, 2.5, 140",
    "142.5, 2.5, 142.5",
    "2.1, 0.7, 2.1",
    "2.0, 0.7, 1.4",
    "99.9, 1.25, 98.75",
    "19, 2.5, 17.5",
    "600, 10, 600"
  })
  void roundDownGivesTheLargestMultipleNotAbove(double weight, double increment, double expected) {
    assertThat(WeightRounding.roundDown(weight, increment)).isEqualTo(expected);
  }

  @Test
  void knowsWhetherAWeightSitsOnTheIncrement() {
    assertThat(WeightRounding.isOnIncrement(112.5, 2.5)).isTrue();
    assertThat(WeightRounding.isOnIncrement(6.3, 0.7)).isTrue();
    assertThat(WeightRounding.isOnIncrement(111, 2.5)).isFalse();
    assertThat(WeightRounding.isOnIncrement(20, 1.5)).isFalse();
  }
}

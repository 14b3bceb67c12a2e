package dev.parakeet.jit.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Weights#format} against its first, straightforward implementation, kept here as the reference. */
class WeightsFormatTest {

  /** The original implementation (trailing zeros cut from a zero-padded three-digit fraction). */
  private static String reference(double kg) {
    long thousandths = Math.round(kg * 1000);
    long whole = thousandths / 1000;
    int fraction = (int) Math.abs(thousandths % 1000);
    String sign = thousandths < 0 && whole == 0 ? "-" : "";
    if (fraction == 0) {
      return sign + whole;
    }
    String digits = Integer.toString(fraction + 1000).substring(1);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return sign + whole + "." + digits.substring(0, end);
  }

  @Test
  void examples() {
    assertThat(Weights.format(45)).isEqualTo("45");
    assertThat(Weights.format(67.5)).isEqualTo("67.5");
    assertThat(Weights.format(1.875)).isEqualTo("1.875");
    assertThat(Weights.format(0.05)).isEqualTo("0.05");
    assertThat(Weights.format(2.005)).isEqualTo("2.005");
    assertThat(Weights.format(-0.5)).isEqualTo("-0.5");
    assertThat(Weights.format(-1.25)).isEqualTo("-1.25");
    assertThat(Weights.format(-0.0)).isEqualTo("0");
    assertThat(Weights.format(0.975)).isEqualTo("0.975");
  }

  @Test
  void sameAsTheReferenceOnEveryThousandthFromMinus1000To1000() {
    for (long t = -1_000_000; t <= 1_000_000; t++) {
      double kg = t / 1000.0;
      String expected = reference(kg);
      if (!Weights.format(kg).equals(expected)) {
        assertThat(Weights.format(kg)).as("format(%s)", kg).isEqualTo(expected);
      }
    }
  }

  @Test
  void rememberedQuartersStayTheReferenceOnTheSecondCall() {
    for (int q = 0; q <= 4004; q++) {
      double kg = q / 4.0;
      assertThat(Weights.format(kg)).isEqualTo(reference(kg));
      assertThat(Weights.format(kg)).as("again: format(%s)", kg).isEqualTo(reference(kg));
    }
    assertThat(Weights.format(-0.0)).isEqualTo("0");
  }

  @Test
  void sameAsTheReferenceOnArbitraryDoubles() {
    SplittableRandom random = new SplittableRandom(7);
    double[] special = {
      0.0, -0.0, 0.0004999, 0.0005, -0.0005, -0.0004999, 999.9995, -999.9995, 1e15, -1e15,
      Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE
    };
    for (double kg : special) {
      assertThat(Weights.format(kg)).as("format(%s)", kg).isEqualTo(reference(kg));
    }
    for (int i = 0; i < 200_000; i++) {
      double kg = (random.nextDouble() - 0.5) * (i % 2 == 0 ? 20 : 2000);
      String expected = reference(kg);
      if (!Weights.format(kg).equals(expected)) {
        assertThat(Weights.format(kg)).as("format(%s)", kg).isEqualTo(expected);
      }
    }
  }
}

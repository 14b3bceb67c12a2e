package dev.parakeet.jit.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.calc.RpeTrend.Direction;
import dev.parakeet.jit.engine.model.RecentLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("RPE trend (SPEC §3, P5)")
class RpeTrendTest {

  /** Logs newest first from "actual/target" pairs; "-" is a null actual. */
  private static List<RecentLog> logs(String... pairs) {
    List<RecentLog> logs = new ArrayList<>();
    for (String pair : pairs) {
      String[] parts = pair.split("/");
      Double actual = parts[0].equals("-") ? null : Double.valueOf(parts[0]);
      logs.add(RecentLog.of(actual, Double.parseDouble(parts[1])));
    }
    return logs;
  }

  @Test
  void noLogsIsNoSignal() {
    assertThat(RpeTrend.of(null).isSignal()).isFalse();
    assertThat(RpeTrend.of(List.of()).isSignal()).isFalse();
  }

  @Test
  void fewerThanTwoRatedLogsIsNoSignal() {
    assertThat(RpeTrend.of(logs("9.5/8.5")).direction()).isEqualTo(Direction.ON_TARGET);
    assertThat(RpeTrend.of(logs("-/8.5", "10/8.5", "-/8")).direction()).isEqualTo(Direction.ON_TARGET);
  }

  @ParameterizedTest(name = "{0}, {1} → {2} (mean {3})")
  @CsvSource({
    "9.5/8.5, 9.5/8.5, ABOVE_TARGET, 1.0",
    "10/8.5, 9/8.5, ABOVE_TARGET, 1.0",
    "10/8, 10/8, ABOVE_TARGET, 2.0",
    "9.5/8.5, 9/8.5, ON_TARGET, 0.75",
    "8.5/8.5, 8.5/8.5, ON_TARGET, 0.0",
    "7.5/8.5, 8/8.5, ON_TARGET, -0.75",
    "7.5/8.5, 7.5/8.5, BELOW_TARGET, -1.0",
    "7/8.5, 7/8.5, BELOW_TARGET, -1.5",
    // decimal RPEs: 9.3 − 8.3 is 1.0 in decimal (0.99999... in binary)
    "9.3/8.3, 9.3/8.3, ABOVE_TARGET, 1.0"
  })
  void thresholdsAreInclusiveAtPlusMinusOne(String newest, String next, Direction expected, double mean) {
    RpeTrend trend = RpeTrend.of(logs(newest, next));

    assertThat(trend.direction()).isEqualTo(expected);
    assertThat(trend.meanDeviation()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(trend.isSignal()).isEqualTo(expected != Direction.ON_TARGET);
  }

  @Test
  void unratedLogsAreSkippedToFindTheTwoMostRecentRatedOnes() {
    assertThat(RpeTrend.of(logs("-/8", "9.5/8.5", "-/8", "9.5/8.5")).direction()).isEqualTo(Direction.ABOVE_TARGET);
  }

  @Test
  void onlyTheTwoMostRecentRatedLogsCount() {
    // a third, much easier session does not dilute the trend
    assertThat(RpeTrend.of(logs("9.5/8.5", "9.5/8.5", "5/8.5", "5/8.5")).direction())
        .isEqualTo(Direction.ABOVE_TARGET);
    // ...nor does an older, much harder one
    assertThat(RpeTrend.of(logs("8.5/8.5", "8.5/8.5", "10/6", "10/6")).direction())
        .isEqualTo(Direction.ON_TARGET);
  }

  @Test
  void multipliersLightenOrLoadUpByTwoAndAHalfPercent() {
    assertThat(Direction.ABOVE_TARGET.multiplier()).isEqualTo(0.975);
    assertThat(Direction.BELOW_TARGET.multiplier()).isEqualTo(1.025);
    assertThat(Direction.ON_TARGET.multiplier()).isEqualTo(1.0);
  }
}

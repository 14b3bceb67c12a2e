package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void sqliteTextHasOneFixedShapeSoStringOrderIsTimeOrder() {
    List<Instant> instants = List.of(
        Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:00.5Z"),
        Instant.parse("2026-01-01T00:00:00.123456789Z"),
        Instant.parse("2026-01-01T00:00:01Z"),
        Instant.parse("2026-10-01T09:05:00Z"));
    assertThat(instants.stream().map(Timestamps::sqliteText).toList()).containsExactly(
        "2026-01-01T00:00:00.000Z",
        "2026-01-01T00:00:00.500Z",
        "2026-01-01T00:00:00.123Z",
        "2026-01-01T00:00:01.000Z",
        "2026-10-01T09:05:00.000Z");
    List<String> texts = instants.stream().sorted().map(Timestamps::sqliteText).toList();
    assertThat(texts).isSorted();
  }

  @Test
  void aCutoffRoundsUpToTheNextStoredMillisecond() {
    Instant onGrid = Instant.parse("2026-01-01T00:00:00.100Z");
    assertThat(Timestamps.cutoff(onGrid)).isEqualTo(onGrid);
    assertThat(Timestamps.cutoff(onGrid.plusNanos(1))).isEqualTo(onGrid.plusMillis(1));
    assertThat(Timestamps.stored(onGrid.plusNanos(999_999))).isEqualTo(onGrid);
  }
}

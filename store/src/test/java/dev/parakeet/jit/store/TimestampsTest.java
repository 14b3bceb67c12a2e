package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  /** The hand-written text is the formatter's, on seeded random instants and at the edges. */
  @Test
  void sqliteTextIsWhatTheIsoFormatterWrites() {
    DateTimeFormatter iso =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    Random random = new Random(10);
    List<Instant> instants = new ArrayList<>(List.of(
        Instant.parse("0000-01-01T00:00:00Z"),
        Instant.parse("-0001-12-31T23:59:59.999Z"),
        Instant.parse("9999-12-31T23:59:59.999999999Z"),
        Instant.parse("+10000-01-01T00:00:00Z"),
        Instant.parse("1969-12-31T23:59:59.001Z"),
        Instant.EPOCH));
    for (int i = 0; i < 10_000; i++) {
      instants.add(Instant.ofEpochSecond(
          random.nextLong(-70_000_000_000L, 260_000_000_000L), random.nextInt(1_000_000_000)));
    }
    for (Instant instant : instants) {
      assertThat(Timestamps.sqliteText(instant)).as("%s", instant)
          .isEqualTo(iso.format(Timestamps.stored(instant)));
    }
  }

  @Test
  void aCutoffRoundsUpToTheNextStoredMillisecond() {
    Instant onGrid = Instant.parse("2026-01-01T00:00:00.100Z");
    assertThat(Timestamps.cutoff(onGrid)).isEqualTo(onGrid);
    assertThat(Timestamps.cutoff(onGrid.plusNanos(1))).isEqualTo(onGrid.plusMillis(1));
    assertThat(Timestamps.stored(onGrid.plusNanos(999_999))).isEqualTo(onGrid);
  }
}

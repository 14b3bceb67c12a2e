package dev.parakeet.jit.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How instants are stored. Millisecond precision on both databases, so that what one returns the
 * other returns too. On SQLite an instant is TEXT in one fixed shape —
 * {@code 2026-11-24T07:30:00.000Z}, always three fraction digits and a {@code Z} — so that string
 * order is time order and {@code created_at < :cutoff} compares correctly.
 */
final class Timestamps {

  private static final DateTimeFormatter SQLITE_TEXT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * A cutoff on the stored grid that selects exactly the stored rows before {@code instant}: a
   * row at 10:00:00.000 is before 10:00:00.000400, so the cutoff rounds up, not down.
   */
  static Instant cutoff(Instant instant) {
    Instant down = stored(instant);
    return down.equals(instant) ? down : down.plusMillis(1);
  }

  static String sqliteText(Instant instant) {
    return SQLITE_TEXT.format(stored(instant));
  }
}

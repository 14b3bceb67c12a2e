package dev.parakeet.jit.app;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as the command line shows them: UTC, spelled out. */
final class UtcTime {

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private UtcTime() {}

  /** {@code 2026-11-24 07:30 UTC}: for a session card. */
  static String minutes(Instant instant) {
    return MINUTES.format(instant);
  }

  /** {@code 2026-11-24 07:30:00 UTC}: for stored records, where order within a minute matters. */
  static String seconds(Instant instant) {
    return SECONDS.format(instant);
  }
}

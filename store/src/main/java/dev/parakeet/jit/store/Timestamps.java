package dev.parakeet.jit.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
   * Binds an instant as the vendor stores it: a UTC {@code timestamptz} on PostgreSQL (never through
   * {@code java.sql.Timestamp}, which drags in the JVM's time zone), {@link #sqliteText} on SQLite.
   * The one binding of an instant, for plain statements and JDBI's ({@link JdbiSetup}) alike.
   */
  static void bind(PreparedStatement statement, int position, Instant instant, Vendor vendor)
      throws SQLException {
    switch (vendor) {
      case POSTGRESQL ->
          statement.setObject(position, OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC));
      case SQLITE -> statement.setString(position, sqliteText(instant));
    }
  }

  /**
   * A cutoff on the stored grid that selects exactly the stored rows before {@code instant}: a
   * row at 10:00:00.000 is before 10:00:00.000400, so the cutoff rounds up, not down.
   */
  static Instant cutoff(Instant instant) {
    Instant down = stored(instant);
    return down.equals(instant) ? down : down.plusMillis(1);
  }

  /**
   * The SQLite text of an instant. Written by hand for the years 0–9999 (the formatter, several
   * times slower, ran once per stored instant, on the batch's writer thread); the formatter
   * writes the rest.
   */
  static String sqliteText(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
      return SQLITE_TEXT.format(stored(instant));
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    char[] text = new char[24];
    digits(text, 0, t.getYear(), 4);
    text[4] = '-';
    digits(text, 5, t.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, t.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, t.getHour(), 2);
    text[13] = ':';
    digits(text, 14, t.getMinute(), 2);
    text[16] = ':';
    digits(text, 17, t.getSecond(), 2);
    text[19] = '.';
    digits(text, 20, instant.getNano() / 1_000_000, 3);
    text[23] = 'Z';
    return new String(text);
  }

  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
  private static final long FIRST_SECOND = -62_167_219_200L;
  private static final long LAST_SECOND = 253_402_300_799L;

  private static void digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}

package dev.parakeet.jit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * One JDBI for both vendors: the SQL text is shared, and the differences live here and in {@link
 * Vendor#render}. An {@link Instant} binds as a UTC {@code timestamptz} on PostgreSQL (never
 * through {@code java.sql.Timestamp}, which drags in the JVM's time zone) and as fixed-shape ISO
 * text on SQLite, and reads back the same way ({@link #instant}).
 *
 * <p>Kept light for a process that opens the store to write one session: no SqlObject proxies, no
 * reflective mappers (the rows are read by hand), no template engine (the SQL is rendered once per
 * vendor) and our own parameter parser ({@link ColonParameters}).
 */
final class JdbiSetup {

  private JdbiSetup() {}

  static Jdbi create(DataSource dataSource, Vendor vendor) {
    Jdbi jdbi = Jdbi.create(dataSource);
    jdbi.getConfig(SqlStatements.class)
        .setTemplateEngine(TemplateEngine.NOP)
        .setSqlParser(new ColonParameters());
    jdbi.registerArgument(new InstantArgument(vendor));
    return jdbi;
  }

  /** Reads a column written by {@link InstantArgument}; null stays null. */
  static Instant instant(ResultSet rows, String column, Vendor vendor) throws SQLException {
    return switch (vendor) {
      case POSTGRESQL -> {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        yield value == null ? null : value.toInstant();
      }
      case SQLITE -> parse(rows.getString(column));
    };
  }

  /** A nullable INTEGER column. */
  static Integer nullableInt(ResultSet rows, String column) throws SQLException {
    int value = rows.getInt(column);
    return rows.wasNull() ? null : value;
  }

  /** A nullable BIGINT column. */
  static Long nullableLong(ResultSet rows, String column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  /** A nullable floating-point column. */
  static Double nullableDouble(ResultSet rows, String column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? null : value;
  }

  private static final class InstantArgument extends AbstractArgumentFactory<Instant> {

    private final Vendor vendor;

    InstantArgument(Vendor vendor) {
      super(vendor == Vendor.POSTGRESQL ? Types.TIMESTAMP_WITH_TIMEZONE : Types.VARCHAR);
      this.vendor = vendor;
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      return switch (vendor) {
        case POSTGRESQL -> (position, statement, ctx) ->
            statement.setObject(
                position, OffsetDateTime.ofInstant(Timestamps.stored(value), ZoneOffset.UTC));
        case SQLITE -> (position, statement, ctx) ->
            statement.setString(position, Timestamps.sqliteText(value));
      };
    }
  }

  private static Instant parse(String text) throws SQLException {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new SQLException("stored timestamp is not ISO-8601: " + text, e);
    }
  }
}

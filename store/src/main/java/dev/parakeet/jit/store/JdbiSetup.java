package dev.parakeet.jit.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * One JDBI for both vendors: the SQL text is shared, and the differences live here and in {@link
 * Vendor#render}. An {@link Instant} binds as {@link Timestamps#bind} binds it (a UTC
 * {@code timestamptz} on PostgreSQL, fixed-shape ISO text on SQLite) and reads back the same way
 * ({@link #instant}).
 *
 * <p>Made on first use ({@link Transactions}): recording a generation goes straight to JDBC and
 * never needs it. Kept light all the same: no SqlObject proxies, no reflective mappers (the rows
 * are read by hand), no template engine (the SQL is rendered once per vendor) and our own
 * parameter parser ({@link ColonParameters}).
 */
final class JdbiSetup {

  private JdbiSetup() {}

  static Jdbi create(Connections connections, Vendor vendor) {
    Jdbi jdbi = Jdbi.create(new ConnectionFactory() {
      @Override
      public Connection openConnection() throws SQLException {
        return connections.borrow();
      }

      @Override
      public void closeConnection(Connection connection) throws SQLException {
        connections.giveBack(connection);
      }
    });
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
      return (position, statement, ctx) -> Timestamps.bind(statement, position, value, vendor);
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

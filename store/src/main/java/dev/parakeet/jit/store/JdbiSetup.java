package dev.parakeet.jit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * One JDBI for both vendors: the SQL text is shared, and the differences live here. {@code <json>}
 * in {@code CAST(:x AS <json>)} becomes {@code jsonb} or {@code TEXT}; an {@link Instant} binds as
 * a UTC {@code timestamptz} on PostgreSQL (never through {@code java.sql.Timestamp}, which drags in
 * the JVM's time zone) and as fixed-shape ISO text on SQLite.
 */
final class JdbiSetup {

  private JdbiSetup() {}

  static Jdbi create(DataSource dataSource, Vendor vendor) {
    Jdbi jdbi = Jdbi.create(dataSource);
    jdbi.installPlugin(new SqlObjectPlugin());
    if (vendor == Vendor.POSTGRESQL) {
      jdbi.installPlugin(new PostgresPlugin());
    }
    jdbi.define("json", vendor.jsonType());
    // Registered last, so they win over the plugins' own java.time handling.
    jdbi.registerArgument(new InstantArgument(vendor));
    jdbi.registerColumnMapper(Instant.class, instantMapper(vendor));
    // Registered once here rather than per statement (@RegisterConstructorMapper), which would
    // rebuild the reflective mapper on every call.
    for (Class<?> type : List.of(SessionRow.class, HistoryEntry.class, SessionSummary.class, StoredComparison.class)) {
      jdbi.registerRowMapper(ConstructorMapper.factory(type));
    }
    return jdbi;
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

  private static ColumnMapper<Instant> instantMapper(Vendor vendor) {
    return switch (vendor) {
      case POSTGRESQL -> (ResultSet r, int column, StatementContext ctx) -> {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
      };
      case SQLITE -> (ResultSet r, int column, StatementContext ctx) -> parse(r.getString(column));
    };
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

package dev.parakeet.jit.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the current schema with Flyway: versioned scripts ({@code V1__...}) in one
 * folder per vendor, recorded in {@code flyway_schema_history}.
 *
 * <p>Most opens find the schema already current, and for them Flyway is skipped: {@link #isCurrent}
 * reads the history table and compares it with the migrations this build ships ({@link #shipped},
 * versions and Flyway's checksums). Only when they differ in any way — a new database, an older
 * one, a newer one, a failed or edited migration — does Flyway run, with all its checks. Loading
 * Flyway and scanning the class path for scripts costs a command-line process more than the rest
 * of opening the store.
 */
final class Migrations {

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /** A row of Flyway's history as this build expects it: a successful versioned migration. */
  record Applied(String version, int checksum) {}

  /**
   * What this build ships, in order. MigrationsTest checks it against what Flyway itself resolves
   * from the class path, so adding or editing a script without updating this list fails the build.
   */
  static List<Applied> shipped(Vendor vendor) {
    return switch (vendor) {
      case SQLITE -> List.of(new Applied("1", -53596579), new Applied("2", -2119804489), new Applied("3", -1036983699),
          new Applied("4", -732772634));
      case POSTGRESQL -> List.of(new Applied("1", -1564782864), new Applied("2", -1930948867), new Applied("3", -139578558),
          new Applied("4", 1483940753));
    };
  }

  private Migrations() {}

  /** Runs Flyway unless the schema is already exactly what this build ships. */
  static void bringUpToDate(Connections connections, Vendor vendor) {
    if (!isCurrent(connections, vendor)) {
      connections.withDataSource(dataSource -> {
        migrate(dataSource, vendor);
        return null;
      });
    }
  }

  /**
   * True when the history table lists exactly the shipped migrations, all successful. A failure to
   * read it (the server is gone, say) is thrown, not taken for "not current": Flyway would only
   * fail again, later.
   */
  static boolean isCurrent(Connections connections, Vendor vendor) {
    try {
      Connection connection = connections.borrow();
      try {
        return isCurrent(connection, vendor);
      } finally {
        connections.giveBack(connection);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static boolean isCurrent(Connection connection, Vendor vendor) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet exists = statement.executeQuery(vendor.historyTableExistsSql())) {
        if (!exists.next() || !exists.getBoolean(1)) {
          return false;
        }
      }
      List<Applied> shipped = shipped(vendor);
      int row = 0;
      try (ResultSet rows = statement.executeQuery(
          "SELECT version, checksum, success FROM flyway_schema_history ORDER BY installed_rank")) {
        while (rows.next()) {
          int checksum = rows.getInt("checksum");
          if (rows.wasNull() || !rows.getBoolean("success") || row >= shipped.size()) {
            return false;
          }
          // Compared field by field: a record's equals is bootstrapped on first use, which a
          // one-shot command would pay for this comparison alone.
          Applied expected = shipped.get(row++);
          if (expected.checksum() != checksum || !expected.version().equals(rows.getString("version"))) {
            return false;
          }
        }
      }
      return row == shipped.size();
    }
  }

  static void migrate(DataSource dataSource, Vendor vendor) {
    Flyway flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(vendor == Vendor.POSTGRESQL ? new LongOperations(dataSource) : dataSource)
            .locations(vendor.migrationLocation())
            .failOnMissingLocations(true)
            // Cleaning a database is never what a caller of this store wants.
            .cleanDisabled(true)
            .load();
    MigrateResult result = flyway.migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info(
          "database migrated to version {} ({} migrations)",
          result.targetSchemaVersion,
          result.migrationsExecuted);
    }
  }

  /**
   * The pool, with every connection it hands Flyway allowed {@link Timeouts#LONG_OPERATION_MS} of
   * silence: a migration that rewrites a large table is slow, not stalled.
   */
  private static final class LongOperations implements DataSource {

    private final DataSource pool;

    LongOperations(DataSource pool) {
      this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = pool.getConnection();
      try {
        Transactions.allowLongOperation(connection, Vendor.POSTGRESQL);
        return connection;
      } catch (RuntimeException e) {
        connection.close();
        throw e;
      }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException("the pool holds the credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return pool.isWrapperFor(type);
    }
  }
}

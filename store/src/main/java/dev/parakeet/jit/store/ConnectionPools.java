package dev.parakeet.jit.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * How connections to a database URL are made: the Hikari pool, sized for what each vendor does
 * well, or one connection straight from the driver ({@link #connect}); both with the same driver
 * properties ({@link #driverProperties}: SQLite's tuning, PostgreSQL's timeouts).
 */
final class ConnectionPools {

  // SQLite has one writer at a time whatever the pool size; a few connections let reads run
  // beside a write. PostgreSQL writes in parallel, but this is a CLI and a small service.
  private static final int SQLITE_POOL = 4;
  private static final int POSTGRES_POOL = 8;

  private ConnectionPools() {}

  static HikariDataSource create(DatabaseUrl url) {
    return new HikariDataSource(config(url));
  }

  /**
   * A pool that never writes: SQLite connections are opened read-only (and without switching
   * the journal mode, which is a write), PostgreSQL connections are marked read-only.
   */
  static HikariDataSource createReadOnly(DatabaseUrl url) {
    HikariConfig config = config(url);
    if (url.vendor() == Vendor.SQLITE) {
      // sqlite-jdbc takes read-only only when the connection opens, not from setReadOnly later.
      config.setDataSourceProperties(SqliteTuning.readOnlyProperties());
      if (url.isSqliteFile() && !SqliteTuning.canShareMemory(url.sqliteFile())) {
        config.setJdbcUrl("jdbc:sqlite:" + url.sqliteFile().toUri() + "?immutable=1");
      }
    }
    config.setReadOnly(true);
    return new HikariDataSource(config);
  }

  /**
   * One connection opened by the vendor's driver itself, with the properties a pooled one gets (no
   * {@code DriverManager}, which would load and initialise every driver on the class path first).
   */
  static Connection connect(DatabaseUrl url) throws SQLException {
    Properties properties = driverProperties(url);
    return switch (url.vendor()) {
      case SQLITE -> org.sqlite.JDBC.createConnection(url.driverUrl(), properties);
      case POSTGRESQL -> {
        if (url.user() != null) {
          properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
          properties.setProperty("password", url.password());
        }
        Connection connection = new org.postgresql.Driver().connect(url.driverUrl(), properties);
        if (connection == null) {
          throw new SQLException("the PostgreSQL driver does not accept " + url);
        }
        yield connection;
      }
    };
  }

  /** What every connection of {@code url} is opened with, credentials apart. */
  private static Properties driverProperties(DatabaseUrl url) {
    return switch (url.vendor()) {
      case SQLITE -> SqliteTuning.connectionProperties();
      case POSTGRESQL -> {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "parakeet-jit");
        // pgjdbc reads these from the properties unless the URL names them, and the URL wins.
        // (Strings: the driver reads them with Properties.getProperty.)
        properties.setProperty("connectTimeout", String.valueOf(Timeouts.CONNECT_SECONDS));
        properties.setProperty("socketTimeout", String.valueOf(Timeouts.SOCKET_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(Timeouts.LOGIN_SECONDS));
        yield properties;
      }
    };
  }

  private static HikariConfig config(DatabaseUrl url) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("parakeet-store");
    config.setJdbcUrl(url.driverUrl());
    config.setConnectionTimeout(Timeouts.POOL_WAIT_MS);
    switch (url.vendor()) {
      case SQLITE -> {
        config.setDriverClassName("org.sqlite.JDBC");
        config.setDataSourceProperties(driverProperties(url));
        if (url.isSqliteFile()) {
          config.setMaximumPoolSize(SQLITE_POOL);
          config.setMinimumIdle(1);
        } else {
          // Each connection to :memory: is a database of its own: keep exactly one, forever.
          config.setMaximumPoolSize(1);
          config.setMaxLifetime(0);
          config.setIdleTimeout(0);
        }
      }
      case POSTGRESQL -> {
        config.setDriverClassName("org.postgresql.Driver");
        if (url.user() != null) {
          config.setUsername(url.user());
        }
        if (url.password() != null) {
          config.setPassword(url.password());
        }
        config.setMaximumPoolSize(POSTGRES_POOL);
        config.setMinimumIdle(1);
        config.setDataSourceProperties(driverProperties(url));
      }
    }
    return config;
  }
}

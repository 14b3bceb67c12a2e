package dev.parakeet.jit.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM, unpacked from the zonky Maven artifact and started on first
 * use (no Docker). Each test gets a database of its own ({@link #createDatabase()}), which is
 * simpler and stricter than cleaning tables — the history table refuses DELETE and TRUNCATE anyway.
 * The server stops with the JVM (zonky registers a shutdown hook).
 */
public final class EmbeddedPostgresServer {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static volatile EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server =
            EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // Throwaway data: durability costs time and proves nothing here.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
    }
    return server;
  }

  /** A fresh, empty database; returns its JDBC URL. */
  public static String createDatabase() {
    String name = "parakeet_t" + DATABASES.incrementAndGet();
    execute("CREATE DATABASE " + name);
    return urlOf(name);
  }

  public static void dropDatabase(String name) {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  public static String urlOf(String database) {
    return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database + "?user=postgres";
  }

  public static int port() {
    return server().getPort();
  }

  private static void execute(String sql) {
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}

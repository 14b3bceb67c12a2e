package dev.parakeet.jit.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh database for a store benchmark: a SQLite file in a temporary directory, or a database
 * in a PostgreSQL 18 started from the zonky Maven artifact — with PostgreSQL's default durability
 * (fsync and synchronous commit on), as a production server runs, unlike the store's tests.
 */
final class BenchDatabases implements AutoCloseable {

  private final Path directory;
  private final EmbeddedPostgres postgres;
  private final String url;

  private BenchDatabases(Path directory, EmbeddedPostgres postgres, String url) {
    this.directory = directory;
    this.postgres = postgres;
    this.url = url;
  }

  static BenchDatabases start(String backend) {
    try {
      Path directory = Files.createTempDirectory("parakeet-bench-");
      if (backend.equals("sqlite")) {
        return new BenchDatabases(directory, null, "jdbc:sqlite:" + directory.resolve("bench.db"));
      }
      if (!backend.equals("postgresql")) {
        throw new IllegalArgumentException("backend is sqlite or postgresql, was " + backend);
      }
      // zonky starts PostgreSQL with fsync and synchronous commit off (-F); a later setting wins.
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(directory.toFile())
          .setDataDirectory(directory.resolve("pgdata"))
          .setCleanDataDirectory(true)
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .start();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
          try (var rows = s.executeQuery("SHOW " + setting)) {
            if (!rows.next() || !rows.getString(1).equals("on")) {
              throw new IllegalStateException(setting + " is not on: the figures would flatter");
            }
          }
        }
        s.execute("CREATE DATABASE parakeet_bench");
      }
      return new BenchDatabases(directory, postgres,
          "jdbc:postgresql://localhost:" + postgres.getPort() + "/parakeet_bench?user=postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  String url() {
    return url;
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

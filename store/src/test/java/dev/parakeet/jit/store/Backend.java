package dev.parakeet.jit.store;

import java.nio.file.Path;
import java.time.Clock;

/** The two databases every repository test runs against. */
public enum Backend {
  SQLITE {
    @Override
    public String newUrl(Path tempDir) {
      return "jdbc:sqlite:" + tempDir.resolve("parakeet-test.db");
    }

    @Override
    public void discard(String url) {
      // The file lives in the test's @TempDir, which JUnit deletes.
    }
  },
  POSTGRESQL {
    @Override
    public String newUrl(Path tempDir) {
      return EmbeddedPostgresServer.createDatabase();
    }

    @Override
    public void discard(String url) {
      String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
      EmbeddedPostgresServer.dropDatabase(name);
    }
  };

  /** A URL for a new, empty database. */
  public abstract String newUrl(Path tempDir);

  public abstract void discard(String url);

  TestDatabase open(Path tempDir, Clock clock) {
    String url = newUrl(tempDir);
    return new TestDatabase(this, url, Database.open(url, clock));
  }

  /** A database opened for one test, and how to get rid of it. */
  record TestDatabase(Backend backend, String url, Database db) implements AutoCloseable {
    @Override
    public void close() {
      db.close();
      backend.discard(url);
    }
  }
}

package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default database: one SQLite file under ~/.parakeet, in WAL mode (SPEC §8, §9.2). */
class EmbeddedDefaultTest {

  @TempDir Path home;

  @Test
  void theEmbeddedUrlIsAFileUnderDotParakeet() {
    assertThat(Database.embeddedUrl(home))
        .isEqualTo("jdbc:sqlite:" + home.toAbsolutePath().resolve(".parakeet/parakeet.db"));
  }

  @Test
  void openingTheEmbeddedDefaultCreatesItsDirectoryAndFileInWalMode() {
    assertThat(home.resolve(".parakeet")).doesNotExist();

    try (Database db = Database.open(Database.embeddedUrl(home))) {
      assertThat(home.resolve(".parakeet/parakeet.db")).isRegularFile();
      assertThat(db.describe()).isEqualTo("SQLite " + home.toAbsolutePath().resolve(".parakeet/parakeet.db"));
      assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
      assertThat(pragma(db, "busy_timeout")).isEqualTo(String.valueOf(SqliteTuning.BUSY_TIMEOUT_MS));
      db.sessions().record(Generations.of("sess-1", 1));
    }
    // WAL is a property of the file: a plain connection sees it too.
    try (Database again = Database.open(Database.embeddedUrl(home))) {
      assertThat(again.sessions().find("sess-1")).isPresent();
      assertThat(pragma(again, "journal_mode")).isEqualTo("wal");
    }
  }

  @Test
  void theFlagWinsThenTheEnvironmentThenTheEmbeddedDefault() {
    Map<String, String> env = Map.of("PARAKEET_DB_URL", "jdbc:postgresql://db:5432/parakeet");
    assertThat(Database.resolveUrl("jdbc:sqlite:/tmp/flag.db", env, home)).isEqualTo("jdbc:sqlite:/tmp/flag.db");
    assertThat(Database.resolveUrl(null, env, home)).isEqualTo("jdbc:postgresql://db:5432/parakeet");
    assertThat(Database.resolveUrl(null, Map.of(), home)).isEqualTo(Database.embeddedUrl(home));
    assertThat(Database.resolveUrl(null, Map.of("PARAKEET_DB_URL", "  "), home))
        .isEqualTo(Database.embeddedUrl(home));
  }

  @Test
  void anInMemoryDatabaseWorksOnItsSingleConnection() {
    try (Database db = Database.open("jdbc:sqlite::memory:")) {
      db.sessions().record(Generations.of("sess-1", 1));
      db.sessions().record(Generations.of("sess-1", 2));
      assertThat(db.sessions().find("sess-1").orElseThrow().history()).hasSize(2);
      assertThat(db.describe()).isEqualTo("SQLite :memory:");
    }
  }

  @Test
  void twoDatabasesOnOneFileInOneJvmSeeEachOthersWrites() throws Exception {
    String url = "jdbc:sqlite:" + home.resolve("two.db");
    try (Database a = Database.open(url); Database b = Database.open(url)) {
      a.sessions().record(Generations.of("sess-1", 1));
      b.sessions().record(Generations.of("sess-1", 2));
      assertThat(a.sessions().find("sess-1").orElseThrow().history()).hasSize(2);
    }
    assertThat(Files.list(home).map(p -> p.getFileName().toString()))
        .contains("two.db", "two.db-open.lock");
  }

  private static String pragma(Database db, String name) {
    return db.jdbi().withHandle(h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
  }
}

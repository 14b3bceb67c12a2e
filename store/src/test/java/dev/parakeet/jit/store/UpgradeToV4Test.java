package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.JitInput;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A V3 database, written by the store as it was before V4 (one record, and a batch in rounds),
 * upgrades to V4 in place: on PostgreSQL the two tables keep a generation's documents in the row up
 * to a full page ({@code toast_tuple_target}), on SQLite only the version moves. Every row and its
 * history read back exactly as written, and the store writes afterwards as on a new database —
 * a document larger than a page too (it goes out of line, as before).
 */
class UpgradeToV4Test {

  @TempDir Path tempDir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aV3DatabaseUpgradesInPlace(Backend backend) {
    String url = backend.newUrl(tempDir);
    try {
      DatabaseUrl parsed = DatabaseUrl.parse(url);
      Flyway.configure()
          .dataSource(parsed.driverUrl(), parsed.user(), parsed.password())
          .locations(parsed.vendor().migrationLocation())
          .target("3")
          .load()
          .migrate();
      Jdbi plain = plain(parsed);
      assertThat(versions(plain)).containsExactly("1", "2", "3");
      JitInput a = Generations.input("sess-a", 0).lifterId("lifter-1").build();
      List<GenerationToStore> written = new ArrayList<>();
      written.add(Generations.of(a, 0, "lifter-1"));
      written.add(Generations.of(a, 1, "lifter-1"));
      written.add(Generations.of("sess-b", 2));
      writeAsV3(parsed, written);

      try (Database db = Database.open(url, Clock.systemUTC())) {
        assertThat(versions(plain)).containsExactly("1", "2", "3", "4");
        db.checkReady();
        StoredSession sessionA = db.sessions().find("sess-a").orElseThrow();
        assertThat(sessionA.history()).extracting(HistoryEntry::revision).containsExactly(1, 2);
        assertThat(sessionA.inputSnapshotJson()).isEqualTo(written.get(1).inputSnapshotJson());
        assertThat(sessionA.history().get(0).inputSnapshotJson()).isEqualTo(written.get(0).inputSnapshotJson());
        assertThat(db.sessions().find("sess-b").orElseThrow().history()).hasSize(1);

        // After the upgrade: a document larger than a page, and a batch.
        String large = "{\"sessionId\":\"sess-a\",\"note\":\"" + "x".repeat(20_000) + "\"}";
        db.sessions().record(new GenerationToStore(large, a, Generations.output(a, 3), "lifter-1"));
        try (SessionBatch<Integer> batch = db.sessions().batch(BatchPolicy.DEFAULT, new BatchListener<>() {
          @Override
          public void committed(List<Integer> tickets) {}

          @Override
          public void failed(Integer ticket, StoreException failure) {}
        })) {
          batch.add(PreparedGeneration.of(Generations.of(a, 4, "lifter-1")), 1);
          batch.add(PreparedGeneration.of(Generations.of("sess-c", 5)), 2);
        }
        StoredSession again = db.sessions().find("sess-a").orElseThrow();
        assertThat(again.history()).extracting(HistoryEntry::revision).containsExactly(1, 2, 3, 4);
        assertThat(again.history().get(2).inputSnapshotJson()).isEqualTo(large);
        assertThat(db.sessions().find("sess-c")).isPresent();
      }

      if (backend == Backend.POSTGRESQL) {
        List<String> options = plain.withHandle(h -> h.createQuery("""
                SELECT c.relname || ' ' || array_to_string(c.reloptions, ',')
                  FROM pg_class c
                 WHERE c.relname IN ('sessions', 'session_generations') AND c.relkind = 'r'
                 ORDER BY 1
                """).mapTo(String.class).list());
        assertThat(options).containsExactly(
            "session_generations toast_tuple_target=8160", "sessions toast_tuple_target=8160");
      } else {
        int userVersion = plain.withHandle(h -> h.createQuery("PRAGMA user_version").mapTo(Integer.class).one());
        assertThat(userVersion).isEqualTo(4);
      }
    } finally {
      backend.discard(url);
    }
  }

  /** The store's own writes on the V3 schema, without opening it (which would migrate it). */
  private static void writeAsV3(DatabaseUrl url, List<GenerationToStore> generations) {
    TestClock clock = new TestClock(Instant.parse("2026-11-26T08:00:00Z"));
    Vendor vendor = url.vendor();
    try (var pool = new PooledConnections(ConnectionPools.create(url))) {
      Transactions transactions = new Transactions(vendor, pool, new Failures(java.util.Set.of()));
      SessionWrites writes = new SessionWrites(transactions, new SessionSql(vendor), new DecisionSql(vendor), clock);
      writes.one(SessionSql.Write.of(generations.get(0)));
      writes.group(generations.subList(1, generations.size()).stream().map(SessionSql.Write::of).toList());
    }
  }

  /** A JDBI straight on the driver, outside the store. */
  private static Jdbi plain(DatabaseUrl url) {
    Properties properties = new Properties();
    if (url.user() != null) {
      properties.setProperty("user", url.user());
    }
    if (url.password() != null) {
      properties.setProperty("password", url.password());
    }
    return Jdbi.create(url.driverUrl(), properties);
  }

  private static List<String> versions(Jdbi jdbi) {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT version FROM flyway_schema_history ORDER BY installed_rank")
            .mapTo(String.class).list());
  }
}

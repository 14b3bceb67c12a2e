package dev.parakeet.jit.store;

import static dev.parakeet.jit.store.JsonAssert.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A V2 database upgrades to V3 in place: on PostgreSQL the documents of every stored generation
 * (input snapshot, output, planned sets) become {@code json} — the two large ones stored
 * uncompressed — with every row and its history kept; on SQLite, which stored them as text
 * already, only the version moves. Afterwards the store writes and reads as on a new database.
 */
class UpgradeToV3Test {

  @TempDir Path tempDir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aV2DatabaseUpgradesInPlace(Backend backend) {
    String url = backend.newUrl(tempDir);
    try {
      DatabaseUrl parsed = DatabaseUrl.parse(url);
      Flyway.configure()
          .dataSource(parsed.driverUrl(), parsed.user(), parsed.password())
          .locations(parsed.vendor().migrationLocation())
          .target("2")
          .load()
          .migrate();
      Jdbi plain = plain(parsed);
      JitInput a = Generations.input("sess-a", 0).lifterId("lifter-1").build();
      JitOutput first = Generations.output(a, 0);
      JitOutput second = Generations.output(a, 1);
      insertAsV2(plain, parsed.vendor(), a, first, 1);
      insertAsV2(plain, parsed.vendor(), a, second, 2);
      assertThat(versions(plain)).containsExactly("1", "2");

      try (Database db = Database.open(url, Clock.systemUTC())) {
        assertThat(versions(plain)).containsExactly("1", "2", "3", "4");
        db.checkReady();
        StoredSession stored = db.sessions().find("sess-a").orElseThrow();
        assertSameJson(stored.outputJson(), JitJson.write(second));
        assertSameJson(stored.inputSnapshotJson(), JitJson.write(a));
        assertThat(stored.history()).extracting(HistoryEntry::revision).containsExactly(1, 2);
        assertSameJson(stored.history().get(0).outputJson(), JitJson.write(first));

        // New generations after the upgrade: the snapshot is kept exactly as sent, on both.
        String snapshot = "{\"weekNumber\": 1, \"sessionId\": \"sess-a\", \"newSignal\":{\"b\":2,\"a\":[2.50]}}";
        db.sessions().record(new GenerationToStore(snapshot, a, Generations.output(a, 2), "lifter-1"));
        StoredSession again = db.sessions().find("sess-a").orElseThrow();
        assertThat(again.history()).extracting(HistoryEntry::revision).containsExactly(1, 2, 3);
        assertThat(again.inputSnapshotJson()).isEqualTo(snapshot);
        assertThat(again.history().get(2).inputSnapshotJson()).isEqualTo(snapshot);
      }

      if (backend == Backend.POSTGRESQL) {
        List<Map<String, Object>> columns = plain.withHandle(h -> h.createQuery("""
                SELECT c.relname AS table_name, a.attname AS column_name,
                       format_type(a.atttypid, a.atttypmod) AS type, a.attstorage::text AS storage
                  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                 WHERE c.relname IN ('sessions', 'session_generations')
                   AND a.attname IN ('planned_sets', 'jit_input_snapshot', 'jit_output')
                 ORDER BY 1, 2
                """).mapToMap().list());
        assertThat(columns).hasSize(6).allSatisfy(column -> assertThat(column.get("type")).isEqualTo("json"));
        assertThat(columns).filteredOn(column -> !column.get("column_name").equals("planned_sets"))
            .allSatisfy(column -> assertThat(column.get("storage")).as("uncompressed").isEqualTo("e"));
      } else {
        int userVersion = plain.withHandle(h -> h.createQuery("PRAGMA user_version").mapTo(Integer.class).one());
        assertThat(userVersion).as("V4 labels it too").isEqualTo(4);
      }
    } finally {
      backend.discard(url);
    }
  }

  /** A session row and its history entry as the V2 schema holds them (jsonb on PostgreSQL). */
  private static void insertAsV2(Jdbi jdbi, Vendor vendor, JitInput input, JitOutput output, int revision) {
    String json = vendor == Vendor.POSTGRESQL ? "jsonb" : "TEXT";
    String at = "2026-11-2" + revision + "T08:00:00.000Z";
    String time = vendor == Vendor.POSTGRESQL ? "CAST(:at AS timestamptz)" : ":at";
    jdbi.useHandle(h -> {
      h.createUpdate(("""
              INSERT INTO sessions (session_id, lifter_id, week_number, block_number, primary_lift,
                  intensity_type, is_deload, status, planned_sets, jit_generated_at, jit_input_snapshot,
                  jit_strategy, jit_output, revision, created_at, updated_at)
              VALUES (:id, 'lifter-1', 1, 1, 'squat', 'heavy', false, 'planned', CAST(:sets AS JSON),
                  TIME, CAST(:input AS JSON), 'formula', CAST(:output AS JSON), :revision, TIME, TIME)
              ON CONFLICT (session_id) DO UPDATE SET jit_output = excluded.jit_output,
                  planned_sets = excluded.planned_sets, revision = excluded.revision,
                  updated_at = excluded.updated_at
              """).replace("JSON", json).replace("TIME", time).replace("false", vendor == Vendor.POSTGRESQL ? "false" : "0"))
          .bind("id", input.sessionId())
          .bind("sets", JitJson.write(output.mainLiftSets()))
          .bind("input", JitJson.write(input))
          .bind("output", JitJson.write(output))
          .bind("revision", revision)
          .bind("at", at)
          .execute();
      h.createUpdate("""
              INSERT INTO session_generations (session_id, revision, generated_at, jit_strategy,
                  planned_sets, jit_input_snapshot, jit_output, recorded_at)
              SELECT session_id, revision, jit_generated_at, jit_strategy, planned_sets,
                     jit_input_snapshot, jit_output, updated_at
                FROM sessions WHERE session_id = :id
              """)
          .bind("id", input.sessionId())
          .execute();
    });
  }

  /** A JDBI straight on the driver, outside the store. */
  private static Jdbi plain(DatabaseUrl url) {
    java.util.Properties properties = new java.util.Properties();
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

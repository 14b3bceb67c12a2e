package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.strategy.hybrid.DivergenceCalculator;
import dev.parakeet.jit.wire.JitJson;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database made by the version before V2 upgrades in place (SPEC §8): its sessions, history and
 * comparison logs survive unchanged, the comparison logs gain their numbers and surfaced flag
 * (by the engine's rule), and the new tables work at once.
 *
 * <p>SQLite: {@code fixtures/v1-main.db} was written by the store of commit c7b4418 (the last
 * V1-only version) — three sessions with six generations and six comparison logs; see
 * {@code fixtures/README.md}. PostgreSQL: a database migrated to V1 only, its sessions written by
 * this version's session writer (which touches only V1's tables) and its comparison logs by V1's
 * own INSERT.
 */
class UpgradeFromV1Test {

  @TempDir Path tempDir;

  @Test
  void aV1SqliteFileFromThePreviousVersionUpgradesInPlace() throws Exception {
    Path file = tempDir.resolve("v1.db");
    try (InputStream fixture = UpgradeFromV1Test.class.getResourceAsStream("/fixtures/v1-main.db")) {
      Files.copy(fixture, file);
    }
    String url = "jdbc:sqlite:" + file;
    assertThat(versions(url)).containsExactly("1");

    try (Database db = Database.open(url, Clock.systemUTC())) {
      assertThat(versions(url)).containsExactly("1", "2", "3", "4");
      StoredSession a = db.sessions().find("sess-a").orElseThrow();
      assertThat(a.lifterId()).isEqualTo("lifter-1");
      assertThat(a.history()).extracting(HistoryEntry::revision).containsExactly(1, 2, 3);
      assertThat(a.history()).extracting(HistoryEntry::jitStrategy)
          .containsExactly("formula", "llm", "formula_fallback");
      assertThat(db.sessions().find("sess-b").orElseThrow().history()).hasSize(1);
      assertThat(db.sessions().find("sess-c").orElseThrow().history()).hasSize(2);

      checkComparisonsBackfilled(db, 6);
      checkTheNewTablesWork(db, "sess-a", 4);
    }
    // And it opens again as a current database.
    try (Database db = Database.open(url, Clock.systemUTC())) {
      db.checkReady();
      assertThat(db.decisions().forSession("sess-a")).hasSize(1);
    }
  }

  @Test
  void aV1PostgresDatabaseUpgradesInPlace() {
    String url = EmbeddedPostgresServer.createDatabase();
    try {
      DatabaseUrl parsed = DatabaseUrl.parse(url);
      Flyway.configure()
          .dataSource(parsed.driverUrl(), parsed.user(), parsed.password())
          .locations(Vendor.POSTGRESQL.migrationLocation())
          .target("1")
          .load()
          .migrate();
      fillAsV1(parsed);
      assertThat(versions(url)).containsExactly("1");

      try (Database db = Database.open(url, Clock.systemUTC())) {
        assertThat(versions(url)).containsExactly("1", "2", "3", "4");
        assertThat(db.sessions().find("sess-a").orElseThrow().history())
            .extracting(HistoryEntry::revision).containsExactly(1, 2);
        checkComparisonsBackfilled(db, 5);
        checkTheNewTablesWork(db, "sess-a", 3);
      }
    } finally {
      EmbeddedPostgresServer.dropDatabase(url.substring(url.lastIndexOf('/') + 1, url.indexOf('?')));
    }
  }

  /** Every log's new columns agree with its divergence JSON and with the engine's rule. */
  private static void checkComparisonsBackfilled(Database db, int expected) {
    List<StoredComparison> logs = db.comparisons().recent(100);
    assertThat(logs).hasSize(expected);
    int surfaced = 0;
    for (StoredComparison log : logs) {
      Map<String, Object> columns = db.jdbi().withHandle(h -> h.createQuery(
              "SELECT weight_pct, set_delta FROM jit_comparison_logs WHERE id = :id")
          .bind("id", log.id()).mapToMap().one());
      if (log.divergenceJson() == null) {
        assertThat(log.surfaced()).isFalse();
        assertThat(columns.get("weight_pct")).isNull();
        continue;
      }
      Divergence divergence = JitJson.mapper().convertValue(JsonAssert.tree(log.divergenceJson()), Divergence.class);
      assertThat(log.surfaced()).as(log.sessionId()).isEqualTo(DivergenceCalculator.shouldSurface(divergence));
      assertThat(((Number) columns.get("weight_pct")).doubleValue()).isEqualTo(divergence.weightPct());
      assertThat(((Number) columns.get("set_delta")).intValue()).isEqualTo(divergence.setDelta());
      surfaced += log.surfaced() ? 1 : 0;
    }
    // The fixtures hold both kinds, so the rule was exercised both ways.
    assertThat(surfaced).isBetween(1, expected - 2);
    assertThat(db.comparisons().summary(null).surfaced()).isEqualTo(surfaced);
  }

  private static void checkTheNewTablesWork(Database db, String sessionId, int nextRevision) {
    GenerationToStore next = Generations.of(sessionId, 40).withDecision(DecisionRepositoryTest.used(null));
    assertThat(db.sessions().record(next).revision()).isEqualTo(nextRevision);
    assertThat(db.decisions().forGeneration(sessionId, nextRevision)).isPresent();
    db.lifterSettings().put("lifter-1", StrategySetting.HYBRID);
    assertThat(db.lifterSettings().find("lifter-1").orElseThrow().jitStrategy()).isEqualTo(StrategySetting.HYBRID);
    assertThat(db.sessions().page("lifter-1", 10, null).items()).extracting(SessionSummary::sessionId)
        .contains(sessionId);
  }

  /** What the V1 store wrote: sessions and their history, and logs with V1's own INSERT. */
  private static void fillAsV1(DatabaseUrl url) {
    TestClock clock = new TestClock(Instant.parse("2026-11-20T08:00:00Z"));
    Jdbi jdbi = plain(url);
    try (var pool = new PooledConnections(ConnectionPools.create(url))) {
      Transactions transactions = new Transactions(Vendor.POSTGRESQL, pool, new Failures(java.util.Set.of()));
      SessionWrites writes = new SessionWrites(transactions, new SessionSql(Vendor.POSTGRESQL),
          new DecisionSql(Vendor.POSTGRESQL), clock);
      JitInput a = Generations.input("sess-a", 0).lifterId("lifter-1").build();
      writes.one(SessionSql.Write.of(Generations.of(a, 0, "lifter-1")));
      writes.one(SessionSql.Write.of(Generations.of(a, 1, "lifter-1")));
      writes.one(SessionSql.Write.of(Generations.of("sess-b", 2)));
    }
    double[][] divergences = {{0.05, 0}, {0.12, 0}, {0.2, 0}, {0.0, -1}};
    for (int i = 0; i < divergences.length; i++) {
      JitInput input = Generations.input("cmp-" + i, i).build();
      JitOutput formula = Generations.output(input, i);
      insertV1Log(jdbi, input, formula, formula,
          new Divergence(divergences[i][0], (int) divergences[i][1], "reason " + i), "hybrid", null);
    }
    JitInput failed = Generations.input("cmp-fallback", 9).build();
    insertV1Log(jdbi, failed, Generations.output(failed, 9), null, null, "formula_fallback",
        "timeout: no answer within 5000 ms");
  }

  private static void insertV1Log(Jdbi jdbi, JitInput input, JitOutput formula, JitOutput llm,
      Divergence divergence, String strategy, String reason) {
    jdbi.useHandle(h -> h.createUpdate("""
            INSERT INTO jit_comparison_logs (
                lifter_id, session_id, created_at, jit_input, formula_output, llm_output, divergence,
                strategy_used, failure_reason)
            VALUES (
                NULL, :sessionId, now(), CAST(:input AS jsonb), CAST(:formula AS jsonb),
                CAST(:llm AS jsonb), CAST(:divergence AS jsonb), :strategy, :reason)
            """)
        .bind("sessionId", input.sessionId())
        .bind("input", JitJson.write(input))
        .bind("formula", JitJson.write(formula))
        .bind("llm", llm == null ? null : JitJson.write(llm))
        .bind("divergence", divergence == null ? null : JitJson.write(divergence))
        .bind("strategy", strategy)
        .bind("reason", reason)
        .execute());
  }

  private static List<String> versions(String url) {
    DatabaseUrl parsed = DatabaseUrl.parse(url);
    return plain(parsed).withHandle(h ->
        h.createQuery("SELECT version FROM flyway_schema_history ORDER BY installed_rank")
            .mapTo(String.class).list());
  }

  /** A JDBI straight on the driver, outside the store. */
  private static Jdbi plain(DatabaseUrl url) {
    java.util.Properties properties = new java.util.Properties();
    if (url.user() != null) {
      properties.setProperty("user", url.user());
    }
    return Jdbi.create(url.driverUrl(), properties);
  }
}

package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the schema itself guarantees, checked with raw SQL: versioned migrations that run once, a
 * history nobody can rewrite, the strategy CHECK, and one transaction per generation.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class SchemaTest {

  private final Backend backend;
  @TempDir Path tempDir;
  private Backend.TestDatabase test;
  private Database db;

  SchemaTest(Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void open() {
    test = backend.open(tempDir, new TestClock(Instant.parse("2026-11-24T08:00:00Z")));
    db = test.db();
  }

  @AfterEach
  void close() {
    test.close();
  }

  @Test
  void migrationsAreVersionedAndReopeningChangesNothing() {
    List<Map<String, Object>> before = flywayHistory(db);
    assertThat(before).extracting(row -> row.get("version")).containsExactly("1", "2", "3", "4");
    assertThat(before).extracting(row -> row.get("script"))
        .containsExactly("V1__sessions_history_comparisons.sql",
            "V2__llm_decisions_lifter_settings_pagination.sql",
            "V3__generation_documents_as_json.sql",
            "V4__generation_documents_inline.sql");
    assertThat(before).allSatisfy(row -> assertThat(row.get("success")).isIn(true, 1));

    db.sessions().record(Generations.of("sess-1", 1));
    db.close();
    try (Database again = Database.open(test.url())) {
      assertThat(flywayHistory(again)).isEqualTo(before);
      assertThat(again.sessions().find("sess-1")).isPresent();
    }
    test = new Backend.TestDatabase(backend, test.url(), Database.open(test.url()));
    db = test.db();
  }

  @Test
  void theHistoryRejectsUpdate() {
    db.sessions().record(Generations.of("sess-1", 1));
    assertThatThrownBy(() -> execute("UPDATE session_generations SET revision = 99"))
        .hasMessageContaining("session_generations is append-only: UPDATE rejected");
    assertThat(db.sessions().find("sess-1").orElseThrow().history())
        .extracting(HistoryEntry::revision).containsExactly(1);
  }

  @Test
  void theHistoryRejectsDelete() {
    db.sessions().record(Generations.of("sess-1", 1));
    assertThatThrownBy(() -> execute("DELETE FROM session_generations"))
        .hasMessageContaining("session_generations is append-only: DELETE rejected");
    if (backend == Backend.POSTGRESQL) {
      assertThatThrownBy(() -> execute("TRUNCATE session_generations CASCADE"))
          .hasMessageContaining("session_generations is append-only: TRUNCATE rejected");
    }
    assertThat(db.sessions().find("sess-1").orElseThrow().history()).hasSize(1);
  }

  @Test
  void aSessionWithHistoryCannotBeDeleted() {
    db.sessions().record(Generations.of("sess-1", 1));
    assertThatThrownBy(() -> execute("DELETE FROM sessions"))
        .hasMessageContaining(backend == Backend.SQLITE ? "FOREIGN KEY" : "foreign key");
  }

  @Test
  void anUnknownStrategyIsRejectedByTheCheckConstraint() {
    db.sessions().record(Generations.of("sess-1", 1));
    assertThatThrownBy(() -> execute("UPDATE sessions SET jit_strategy = 'magic'"))
        .hasMessageContaining(backend == Backend.SQLITE ? "CHECK constraint failed" : "check constraint");
  }

  @Test
  void aGenerationWhoseHistoryInsertFailsLeavesNothingBehind() {
    db.sessions().record(Generations.of("sess-1", 1));
    String before = db.sessions().find("sess-1").orElseThrow().outputJson();
    rejectHistoryInserts();

    assertThatThrownBy(() -> db.sessions().record(Generations.of("sess-1", 2)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("history insert refused");
    assertThatThrownBy(() -> db.sessions().record(Generations.of("sess-2", 1)))
        .isInstanceOf(StoreException.class);

    // The row upsert ran before the failing insert, and was rolled back with it.
    StoredSession session = db.sessions().find("sess-1").orElseThrow();
    assertThat(session.outputJson()).isEqualTo(before);
    assertThat(session.history()).hasSize(1);
    assertThat(db.sessions().find("sess-2")).isEmpty();
    assertThat(currentRevision("sess-1")).isEqualTo(1);

    acceptHistoryInserts();
    assertThat(db.sessions().record(Generations.of("sess-1", 3)).revision()).isEqualTo(2);
    assertThat(JitJson.readOutput(db.sessions().find("sess-1").orElseThrow().outputJson()))
        .isEqualTo(Generations.of("sess-1", 3).output());
  }

  private void rejectHistoryInserts() {
    if (backend == Backend.SQLITE) {
      execute("""
          CREATE TRIGGER test_reject_insert BEFORE INSERT ON session_generations
          BEGIN SELECT RAISE(ABORT, 'history insert refused'); END""");
    } else {
      execute("""
          CREATE FUNCTION test_reject_insert() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'history insert refused'; END $$""");
      execute("""
          CREATE TRIGGER test_reject_insert BEFORE INSERT ON session_generations
          FOR EACH ROW EXECUTE FUNCTION test_reject_insert()""");
    }
  }

  private void acceptHistoryInserts() {
    execute(backend == Backend.SQLITE
        ? "DROP TRIGGER test_reject_insert"
        : "DROP TRIGGER test_reject_insert ON session_generations");
  }

  private int currentRevision(String sessionId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT revision FROM sessions WHERE session_id = :id")
        .bind("id", sessionId).mapTo(Integer.class).one());
  }

  private void execute(String sql) {
    db.jdbi().useHandle(h -> h.execute(sql));
  }

  static List<Map<String, Object>> flywayHistory(Database database) {
    return database.jdbi().withHandle(h -> h.createQuery(
            "SELECT installed_rank, version, description, script, checksum, success"
                + " FROM flyway_schema_history ORDER BY installed_rank")
        .mapToMap().list());
  }
}

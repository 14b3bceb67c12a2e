package dev.parakeet.jit.store;

import static dev.parakeet.jit.store.JsonAssert.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The model's decision records (SPEC §8, llm_decisions), on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class DecisionRepositoryTest {

  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
  private static final String ADJUSTMENT =
      "{\"intensityModifier\": 0.95, \"setModifier\": -1, \"skipMainLift\": false,"
          + " \"auxOverrides\": [{\"exercise\": \"Good Morning\", \"action\": \"reduce\"}],"
          + " \"rationale\": [\"Lower back at 4: one set fewer\"], \"confidence\": \"medium\"}";

  private final Backend backend;
  @TempDir Path tempDir;
  private TestClock clock;
  private Backend.TestDatabase test;
  private Database db;

  DecisionRepositoryTest(Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void open() {
    clock = new TestClock(T0);
    test = backend.open(tempDir, clock);
    db = test.db();
  }

  @AfterEach
  void close() {
    test.close();
  }

  static LlmDecision used(Instant at) {
    return new LlmDecision("anthropic", "claude-haiku-4-5", "a1b2c3d4", 812, 1450, 96,
        LlmDecision.USED, ADJUSTMENT, null, at);
  }

  static LlmDecision timedOut() {
    return new LlmDecision("openai", "gpt-4o-mini", "a1b2c3d4", 5000, null, null, "timeout",
        null, "timeout: no answer within 5000 ms", null);
  }

  private GenerationToStore llmGeneration(String sessionId, int variant) {
    GenerationToStore formula = Generations.of(sessionId, variant);
    JitOutput llm = SessionRepositoryTest.withStrategy(formula.output(), JitStrategy.LLM);
    return new GenerationToStore(formula.inputSnapshotJson(), formula.input(), llm, null);
  }

  @Test
  void aDecisionIsStoredWithItsGenerationAndReadBackWhole() {
    Instant calledAt = Instant.parse("2026-11-24T07:59:59.123Z");
    StoredGeneration stored = db.sessions().record(llmGeneration("sess-1", 1).withDecision(used(calledAt)));

    assertThat(db.decisions().forSession("sess-1")).singleElement().satisfies(d -> {
      assertThat(d.id()).isPositive();
      assertThat(d.sessionId()).isEqualTo("sess-1");
      assertThat(d.generationId()).isEqualTo(stored.generationId());
      assertThat(d.revision()).isEqualTo(1);
      assertThat(d.createdAt()).isEqualTo(calledAt);
      assertThat(d.provider()).isEqualTo("anthropic");
      assertThat(d.model()).isEqualTo("claude-haiku-4-5");
      assertThat(d.promptVersion()).isEqualTo("a1b2c3d4");
      assertThat(d.latencyMs()).isEqualTo(812);
      assertThat(d.inputTokens()).isEqualTo(1450);
      assertThat(d.outputTokens()).isEqualTo(96);
      assertThat(d.outcome()).isEqualTo("used");
      assertSameJson(d.rawAdjustmentJson(), ADJUSTMENT);
      assertThat(d.failureReason()).isNull();
    });
    assertThat(db.decisions().forGeneration("sess-1", 1)).isPresent();
  }

  @Test
  void eachGenerationHasItsOwnDecisionOrNone() {
    db.sessions().record(llmGeneration("sess-1", 1).withDecision(used(null)));
    db.sessions().record(Generations.of("sess-1", 2)); // the formula: no model asked
    StoredGeneration third = db.sessions().record(
        Generations.of("sess-1", 3).withDecision(timedOut()));

    assertThat(db.decisions().forSession("sess-1"))
        .extracting(StoredDecision::revision, StoredDecision::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "used"),
            org.assertj.core.groups.Tuple.tuple(3, "timeout"));
    assertThat(db.decisions().forGeneration("sess-1", 2)).isEmpty();
    StoredDecision failed = db.decisions().forGeneration("sess-1", 3).orElseThrow();
    assertThat(failed.generationId()).isEqualTo(third.generationId());
    assertThat(failed.inputTokens()).isNull();
    assertThat(failed.outputTokens()).isNull();
    assertThat(failed.rawAdjustmentJson()).isNull();
    assertThat(failed.failureReason()).isEqualTo("timeout: no answer within 5000 ms");
    // Without a time of its own, a decision is stamped when its generation is recorded.
    HistoryEntry entry = db.sessions().find("sess-1").orElseThrow().history().get(2);
    assertThat(failed.createdAt()).isEqualTo(entry.recordedAt());
    assertThat(db.decisions().forSession("nope")).isEmpty();
  }

  @Test
  void aDecisionThatCannotBeStoredTakesItsGenerationWithIt() {
    db.sessions().record(Generations.of("sess-1", 1));
    LlmDecision broken = new LlmDecision("anthropic", "claude-haiku-4-5", "a1b2c3d4", 10, null,
        null, "malformed", "{not json", "malformed: the answer is not JSON", null);

    assertThatThrownBy(() -> db.sessions().record(Generations.of("sess-1", 2).withDecision(broken)))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("could not record session sess-1: ");

    // One transaction: neither the row nor the history moved.
    StoredSession session = db.sessions().find("sess-1").orElseThrow();
    assertThat(session.history()).hasSize(1);
    assertThat(db.decisions().forSession("sess-1")).isEmpty();
  }

  @Test
  void theValueRefusesWhatTheTableWouldRefuse() {
    assertThatThrownBy(() -> new LlmDecision("anthropic", "m", "v1", 1, null, null, "Used!", null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcome");
    assertThatThrownBy(() -> new LlmDecision("anthropic", "m", "v1", -1, null, null, "used", null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latencyMs");
    assertThatThrownBy(() -> new LlmDecision("", "m", "v1", 1, null, null, "used", null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provider");
    assertThatThrownBy(() -> new LlmDecision("p", "m", "v".repeat(65), 1, null, null, "used", null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("promptVersion");
    assertThatThrownBy(() -> new LlmDecision("p", "m", "v1", 1, -5, null, "used", null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
  }

  @Test
  void decisionsAreAppendOnlyAndTheirOutcomeIsChecked() {
    db.sessions().record(llmGeneration("sess-1", 1).withDecision(used(null)));

    assertThatThrownBy(() -> execute("UPDATE llm_decisions SET outcome = 'clamped'"))
        .hasMessageContaining("llm_decisions is append-only: UPDATE rejected");
    assertThatThrownBy(() -> execute("DELETE FROM llm_decisions"))
        .hasMessageContaining("llm_decisions is append-only: DELETE rejected");
    if (backend == Backend.POSTGRESQL) {
      assertThatThrownBy(() -> execute("TRUNCATE llm_decisions"))
          .hasMessageContaining("llm_decisions is append-only: TRUNCATE rejected");
    }
    long generation = db.decisions().forSession("sess-1").get(0).generationId();
    // A second decision for one generation, or one with an outcome of the wrong shape.
    assertThatThrownBy(() -> execute("INSERT INTO llm_decisions (session_id, generation_id, created_at,"
        + " provider, model, prompt_version, latency_ms, outcome) VALUES ('sess-1', " + generation
        + ", '2026-11-24T08:00:00.000Z', 'p', 'm', 'v', 1, 'used')"))
        .hasMessageContaining(backend == Backend.SQLITE ? "UNIQUE" : "unique");
    assertThatThrownBy(() -> execute("INSERT INTO llm_decisions (session_id, generation_id, created_at,"
        + " provider, model, prompt_version, latency_ms, outcome) VALUES ('sess-1', " + generation
        + ", '2026-11-24T08:00:00.000Z', 'p', 'm', 'v', 1, 'Used')"))
        .hasMessageContaining(backend == Backend.SQLITE ? "CHECK constraint failed" : "check constraint");
    assertThat(db.decisions().forSession("sess-1")).hasSize(1);
  }

  private void execute(String sql) {
    db.jdbi().useHandle(h -> h.execute(sql));
  }
}

package dev.parakeet.jit.store;

import static dev.parakeet.jit.store.JsonAssert.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.port.ComparisonRecord;
import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The comparison log port and its 90-day purge (SPEC §6, §8), on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ComparisonRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-11-24T08:00:00.250Z");

  private final Backend backend;
  @TempDir Path tempDir;
  private TestClock clock;
  private Backend.TestDatabase test;
  private Database db;

  ComparisonRepositoryTest(Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void open() {
    clock = new TestClock(NOW);
    test = backend.open(tempDir, clock);
    db = test.db();
  }

  @AfterEach
  void close() {
    test.close();
  }

  @Test
  void aHybridRunIsLoggedWithEveryColumn() {
    JitInput input = Generations.input("sess-h", 0).lifterId("lifter-42").build();
    JitOutput formula = Generations.output(input, 0);
    JitOutput llm = SessionRepositoryTest.withStrategy(Generations.output(input, 1), JitStrategy.LLM);
    Divergence divergence = new Divergence(0.125, -1, "Soreness drove a lighter day");
    Instant at = Instant.parse("2026-11-24T07:59:00.123Z");

    db.comparisonLog()
        .record(new ComparisonRecord(at, input, formula, llm, divergence, JitStrategy.HYBRID, null));

    assertThat(db.comparisons().count()).isEqualTo(1);
    assertThat(db.comparisons().recent(10)).singleElement().satisfies(row -> {
      assertThat(row.id()).isPositive();
      assertThat(row.lifterId()).isEqualTo("lifter-42");
      assertThat(row.sessionId()).isEqualTo("sess-h");
      assertThat(row.createdAt()).isEqualTo(at);
      assertSameJson(row.jitInputJson(), JitJson.write(input));
      assertThat(JitJson.readOutput(row.formulaOutputJson())).isEqualTo(formula);
      assertThat(JitJson.readOutput(row.llmOutputJson())).isEqualTo(llm);
      assertThat(JitJson.mapper().convertValue(JsonAssert.tree(row.divergenceJson()), Divergence.class))
          .isEqualTo(divergence);
      assertThat(row.strategyUsed()).isEqualTo("hybrid");
      assertThat(row.failureReason()).isNull();
    });
  }

  @Test
  void aFailedModelIsLoggedWithItsReasonAndNoModelSide() {
    JitInput input = Generations.input("sess-f", 0).build();
    JitOutput fallback = Generations.output(input, 0).asFallback("timeout after 5000 ms");

    db.comparisonLog()
        .record(new ComparisonRecord(
            null, input, fallback, null, null, JitStrategy.FORMULA_FALLBACK, "timeout after 5000 ms"));

    StoredComparison row = db.comparisons().recent(1).get(0);
    assertThat(row.lifterId()).isNull();
    assertThat(row.llmOutputJson()).isNull();
    assertThat(row.divergenceJson()).isNull();
    assertThat(row.strategyUsed()).isEqualTo("formula_fallback");
    assertThat(row.failureReason()).isEqualTo("timeout after 5000 ms");
    // Without a time of its own the record is stamped with the store's clock.
    assertThat(row.createdAt()).isBetween(NOW.minusMillis(1), clock.instant());
  }

  @Test
  void purgeDeletesOnlyOlderRowsAndCountsThem() {
    Instant cutoff = NOW.minus(Duration.ofDays(90));
    log("old-1", cutoff.minus(Duration.ofDays(10)));
    log("old-2", cutoff.minusMillis(1));
    log("edge", cutoff); // created at the cutoff: not before it
    log("new-1", cutoff.plus(Duration.ofDays(1)));
    log("new-2", NOW);

    assertThat(db.comparisons().purgeOlderThan(cutoff)).isEqualTo(2);
    assertThat(db.comparisons().count()).isEqualTo(3);
    assertThat(db.comparisons().recent(10))
        .extracting(StoredComparison::sessionId)
        .containsExactly("new-2", "new-1", "edge");
    assertThat(db.comparisons().purgeOlderThan(cutoff)).isZero();
  }

  @Test
  void aCutoffFinerThanAMillisecondStillSelectsTheRowsBeforeIt() {
    Instant stored = Instant.parse("2026-08-01T00:00:00.000Z");
    log("at", stored);
    // 400 µs after the stored row: the row is before the cutoff and must go.
    assertThat(db.comparisons().purgeOlderThan(stored.plusNanos(400_000))).isEqualTo(1);
  }

  @Test
  void recentIsNewestFirstAndLimited() {
    log("a", NOW.minusSeconds(30));
    log("c", NOW.minusSeconds(10));
    log("b", NOW.minusSeconds(20));

    assertThat(db.comparisons().recent(2)).extracting(StoredComparison::sessionId).containsExactly("c", "b");
    assertThat(db.comparisons().recent(0)).isEmpty();
  }

  private void log(String sessionId, Instant createdAt) {
    JitInput input = Generations.input(sessionId, 0).build();
    JitOutput formula = Generations.output(input, 0);
    db.comparisonLog()
        .record(new ComparisonRecord(
            createdAt, input, formula, formula, new Divergence(0, 0, "agree"), JitStrategy.HYBRID, null));
  }
}

package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.port.ComparisonRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Cursor pagination of sessions and comparison logs, newest first, on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class PaginationTest {

  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

  private final Backend backend;
  @TempDir Path tempDir;
  private TestClock clock;
  private Backend.TestDatabase test;
  private Database db;

  PaginationTest(Backend backend) {
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

  private void record(String sessionId, String lifterId, int variant) {
    JitInput input = Generations.input(sessionId, variant).lifterId(lifterId).build();
    db.sessions().record(Generations.of(input, variant, lifterId));
  }

  @Test
  void sessionPagesWalkEverySessionOnceNewestFirst() {
    for (int i = 0; i < 7; i++) {
      record("sess-" + i, i % 2 == 0 ? "lifter-a" : "lifter-b", i);
    }
    record("sess-2", "lifter-a", 9); // now the newest

    List<String> expected = List.of("sess-2", "sess-6", "sess-5", "sess-4", "sess-3", "sess-1", "sess-0");
    List<Page<SessionSummary>> pages = walk(cursor -> db.sessions().page(null, 3, cursor));
    assertThat(pages).extracting(p -> p.items().size()).containsExactly(3, 3, 1);
    assertThat(pages.get(2).nextCursor()).isNull();
    assertThat(pages.stream().flatMap(p -> p.items().stream()).map(SessionSummary::sessionId))
        .containsExactlyElementsOf(expected);
    assertThat(db.sessions().page(null, 3, null).items())
        .extracting(SessionSummary::sessionId)
        .containsExactlyElementsOf(db.sessions().list(3).stream().map(SessionSummary::sessionId).toList());

    List<Page<SessionSummary>> lifterA = walk(cursor -> db.sessions().page("lifter-a", 2, cursor));
    assertThat(lifterA.stream().flatMap(p -> p.items().stream()).map(SessionSummary::sessionId))
        .containsExactly("sess-2", "sess-6", "sess-4", "sess-0");
    assertThat(db.sessions().page("nobody", 10, null)).isEqualTo(new Page<>(List.of(), null));
  }

  @Test
  void sessionsUpdatedAtTheSameMillisecondAreOrderedByIdAndNotSkipped() {
    // A clock that does not move: every row has the same updated_at; the id breaks the tie.
    test.close();
    test = backend.open(tempDir.resolve("frozen"), java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
    db = test.db();
    for (String id : List.of("c", "a", "e", "b", "d")) {
      record(id, null, 1);
    }
    List<Page<SessionSummary>> pages = walk(cursor -> db.sessions().page(null, 2, cursor));
    assertThat(pages.stream().flatMap(p -> p.items().stream()).map(SessionSummary::sessionId))
        .containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void aCursorFromElsewhereOrOfNonsenseIsRefused() {
    record("sess-1", null, 1);
    record("sess-2", null, 2);
    logComparison("cmp-1", 0.2, 0, T0);
    logComparison("cmp-2", 0.2, 0, T0.plusSeconds(1));
    String sessionCursor = db.sessions().page(null, 1, null).nextCursor();
    String comparisonCursor = db.comparisons().page(null, null, 1, null).nextCursor();
    assertThat(sessionCursor).isNotNull();
    assertThat(comparisonCursor).isNotNull();

    for (String bad : List.of("", "not-base64!", "AAAA", comparisonCursor)) {
      assertThatThrownBy(() -> db.sessions().page(null, 1, bad))
          .isInstanceOf(InvalidCursorException.class).hasMessage("invalid cursor");
    }
    assertThatThrownBy(() -> db.comparisons().page(null, null, 1, sessionCursor))
        .isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> db.sessions().page(null, 0, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> db.sessions().page(null, Page.MAX_LIMIT + 1, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void comparisonPagesFilterBySurfacedAndSince() {
    logComparison("agree", 0.05, 0, T0);                       // not surfaced
    logComparison("logged", 0.12, 0, T0.plusSeconds(10));      // 10-15 %: logged, not surfaced
    logComparison("heavier", 0.20, 0, T0.plusSeconds(20));     // surfaced
    logComparison("a-set-less", 0.0, -1, T0.plusSeconds(30));  // surfaced
    logFallback("timed-out", T0.plusSeconds(40));              // a fallback: never surfaced
    logComparison("late", 0.31, 1, T0.plusSeconds(50));        // surfaced

    List<Page<StoredComparison>> all = walk(cursor -> db.comparisons().page(null, null, 4, cursor));
    assertThat(all.stream().flatMap(p -> p.items().stream()).map(StoredComparison::sessionId))
        .containsExactly("late", "timed-out", "a-set-less", "heavier", "logged", "agree");

    List<Page<StoredComparison>> surfaced = walk(cursor -> db.comparisons().page(true, null, 2, cursor));
    assertThat(surfaced.stream().flatMap(p -> p.items().stream()))
        .allMatch(StoredComparison::surfaced)
        .extracting(StoredComparison::sessionId)
        .containsExactly("late", "a-set-less", "heavier");

    Instant since = T0.plusSeconds(20);
    assertThat(db.comparisons().page(null, since, 10, null).items())
        .extracting(StoredComparison::sessionId)
        .containsExactly("late", "timed-out", "a-set-less", "heavier");
    assertThat(db.comparisons().page(true, since.plusMillis(1), 10, null).items())
        .extracting(StoredComparison::sessionId)
        .containsExactly("late", "a-set-less");
    assertThat(db.comparisons().page(false, null, 10, null).items())
        .extracting(StoredComparison::sessionId)
        .containsExactly("timed-out", "logged", "agree");
  }

  @Test
  void theSummaryCountsStrategiesReasonsSurfacedShareWeightsAndSetDeltas() {
    logComparison("a", 0.0, 0, T0);
    logComparison("b", 0.05, 0, T0.plusSeconds(1));
    logComparison("c", 0.10, 0, T0.plusSeconds(2));
    logComparison("d", 0.12, 0, T0.plusSeconds(3));
    logComparison("e", 0.15, -1, T0.plusSeconds(4));
    logComparison("f", 0.2, 0, T0.plusSeconds(5));
    logComparison("g", 0.75, 2, T0.plusSeconds(6));
    logFallback("h", T0.plusSeconds(7));
    logFallback("i", T0.plusSeconds(8));
    db.comparisonLog().record(new ComparisonRecord(T0.plusSeconds(9), Generations.input("j", 0).build(),
        Generations.output(Generations.input("j", 0).build(), 0), null, null, JitStrategy.FORMULA_FALLBACK,
        "malformed: expected a JSON object"));

    ComparisonSummary summary = db.comparisons().summary(null);
    assertThat(summary.since()).isNull();
    assertThat(summary.total()).isEqualTo(10);
    assertThat(summary.byStrategy()).containsExactly(
        java.util.Map.entry("formula_fallback", 3L), java.util.Map.entry("hybrid", 7L));
    assertThat(summary.fallbacksByReason()).containsExactly(
        java.util.Map.entry("malformed", 1L), java.util.Map.entry("timeout", 2L));
    assertThat(summary.compared()).isEqualTo(7);
    assertThat(summary.surfaced()).isEqualTo(3); // e (a set less), f (0.20), g
    assertThat(summary.surfacedShare()).isEqualTo(3.0 / 7);
    assertThat(summary.weightPct()).extracting(
            ComparisonSummary.WeightPctBucket::from, ComparisonSummary.WeightPctBucket::to,
            ComparisonSummary.WeightPctBucket::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0.0, 0.05, 2L),   // a, b
            org.assertj.core.groups.Tuple.tuple(0.05, 0.10, 1L),  // c (agreement's edge)
            org.assertj.core.groups.Tuple.tuple(0.10, 0.15, 2L),  // d, e
            org.assertj.core.groups.Tuple.tuple(0.15, 0.25, 1L),  // f
            org.assertj.core.groups.Tuple.tuple(0.25, 0.50, 0L),
            org.assertj.core.groups.Tuple.tuple(0.50, null, 1L)); // g
    assertThat(summary.setDeltas()).containsExactly(
        java.util.Map.entry(-1, 1L), java.util.Map.entry(0, 5L), java.util.Map.entry(2, 1L));

    ComparisonSummary recent = db.comparisons().summary(T0.plusSeconds(5));
    assertThat(recent.total()).isEqualTo(5);
    assertThat(recent.compared()).isEqualTo(2);
    assertThat(recent.surfaced()).isEqualTo(2);
    assertThat(recent.surfacedShare()).isEqualTo(1.0);
    assertThat(recent.setDeltas()).containsExactly(java.util.Map.entry(0, 1L), java.util.Map.entry(2, 1L));

    ComparisonSummary none = db.comparisons().summary(T0.plus(Duration.ofDays(1)));
    assertThat(none.total()).isZero();
    assertThat(none.surfacedShare()).isZero();
    assertThat(none.weightPct()).extracting(ComparisonSummary.WeightPctBucket::count).containsOnly(0L);
    assertThat(none.byStrategy()).isEmpty();
  }

  private void logComparison(String sessionId, double weightPct, int setDelta, Instant at) {
    JitInput input = Generations.input(sessionId, 0).build();
    JitOutput formula = Generations.output(input, 0);
    db.comparisonLog().record(new ComparisonRecord(at, input, formula, formula,
        new Divergence(weightPct, setDelta, "because"), JitStrategy.HYBRID, null));
  }

  private void logFallback(String sessionId, Instant at) {
    JitInput input = Generations.input(sessionId, 0).build();
    db.comparisonLog().record(new ComparisonRecord(at, input, Generations.output(input, 0), null, null,
        JitStrategy.FORMULA_FALLBACK, "timeout: no answer within 5000 ms"));
  }

  /** Every page from the first, following the cursors. */
  private static <T> List<Page<T>> walk(Function<String, Page<T>> fetch) {
    List<Page<T>> pages = new ArrayList<>();
    String cursor = null;
    do {
      Page<T> page = fetch.apply(cursor);
      pages.add(page);
      cursor = page.nextCursor();
    } while (cursor != null && pages.size() < 100);
    return pages;
  }
}

package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.port.ComparisonRecord;
import dev.parakeet.jit.engine.strategy.hybrid.DivergenceCalculator;
import dev.parakeet.jit.wire.JitJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of {@code jit_comparison_logs}, the same text on both databases. */
final class ComparisonSql {

  /** The column values of one comparison log, serialised before the transaction starts. */
  record Write(
      String lifterId,
      String sessionId,
      Instant createdAt,
      String jitInputJson,
      String formulaOutputJson,
      String llmOutputJson,
      String divergenceJson,
      Double weightPct,
      Integer setDelta,
      boolean surfaced,
      String strategyUsed,
      String failureReason) {

    /** {@code now} stands in when the record carries no time of its own. */
    static Write of(ComparisonRecord record, Instant now) {
      Divergence divergence = record.divergence();
      return new Write(
          LifterId.of(record.input()),
          record.input().sessionId(),
          record.createdAt() != null ? record.createdAt() : now,
          JitJson.write(record.input()),
          JitJson.write(record.formulaOutput()),
          record.llmOutput() == null ? null : JitJson.write(record.llmOutput()),
          divergence == null ? null : JitJson.write(divergence),
          divergence == null ? null : divergence.weightPct(),
          divergence == null ? null : divergence.setDelta(),
          // The engine's rule, so that the log says what the lifter was shown.
          divergence != null && DivergenceCalculator.shouldSurface(divergence),
          record.strategyUsed().wire(),
          record.failureReason());
    }
  }

  /**
   * The upper bounds of the weightPct histogram's bars but the last; they include the hybrid
   * strategy's thresholds so that no bar straddles a rule.
   */
  static final double[] WEIGHT_PCT_BOUNDS = {
    0.05, DivergenceCalculator.AGREEMENT_PCT, DivergenceCalculator.SURFACE_PCT, 0.25, 0.50
  };

  private static final String INSERT =
      """
      INSERT INTO jit_comparison_logs (
          lifter_id, session_id, created_at, jit_input, formula_output, llm_output, divergence,
          weight_pct, set_delta, surfaced, strategy_used, failure_reason)
      VALUES (
          :lifterId, :sessionId, :createdAt, CAST(:jitInputJson AS <json>),
          CAST(:formulaOutputJson AS <json>), CAST(:llmOutputJson AS <json>),
          CAST(:divergenceJson AS <json>), :weightPct, :setDelta, :surfaced, :strategyUsed,
          :failureReason)
      """;

  private static final String COLUMNS =
      """
      SELECT id, lifter_id, session_id, created_at, jit_input, formula_output, llm_output,
             divergence, strategy_used, failure_reason, surfaced
        FROM jit_comparison_logs
      """;

  private static final String SINCE = " created_at >= :since";
  private static final String SURFACED = " surfaced = TRUE";
  private static final String NOT_SURFACED = " surfaced = FALSE";
  private static final String AFTER_CURSOR =
      " (created_at < :afterAt OR (created_at = :afterAt AND id < :afterId))";
  private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC LIMIT :limit";

  private final Vendor vendor;
  private final String insert;

  ComparisonSql(Vendor vendor) {
    this.vendor = vendor;
    this.insert = vendor.render(INSERT);
  }

  void insert(Handle handle, Write w) {
    handle.createUpdate(insert)
        .bind("lifterId", w.lifterId())
        .bind("sessionId", w.sessionId())
        .bind("createdAt", w.createdAt())
        .bind("jitInputJson", w.jitInputJson())
        .bind("formulaOutputJson", w.formulaOutputJson())
        .bind("llmOutputJson", w.llmOutputJson())
        .bind("divergenceJson", w.divergenceJson())
        .bind("weightPct", w.weightPct())
        .bind("setDelta", w.setDelta())
        .bind("surfaced", w.surfaced())
        .bind("strategyUsed", w.strategyUsed())
        .bind("failureReason", w.failureReason())
        .execute();
  }

  int deleteBefore(Handle handle, Instant cutoff) {
    return handle.createUpdate("DELETE FROM jit_comparison_logs WHERE created_at < :cutoff")
        .bind("cutoff", cutoff)
        .execute();
  }

  long count(Handle handle) {
    return handle.createQuery("SELECT COUNT(*) FROM jit_comparison_logs").mapTo(Long.class).one();
  }

  List<StoredComparison> page(
      Handle handle, Boolean surfaced, Instant since, Cursor after, int limit) {
    List<String> conditions = new ArrayList<>();
    if (surfaced != null) {
      conditions.add(surfaced ? SURFACED : NOT_SURFACED);
    }
    if (since != null) {
      conditions.add(SINCE);
    }
    if (after != null) {
      conditions.add(AFTER_CURSOR);
    }
    Query query =
        handle.createQuery(COLUMNS + where(conditions) + NEWEST_FIRST).bind("limit", limit);
    if (since != null) {
      query.bind("since", since);
    }
    if (after != null) {
      query.bind("afterAt", after.at()).bind("afterId", Long.parseLong(after.key()));
    }
    return query.map(this::comparison).list();
  }

  /** Every figure of the summary; run them in one snapshot so that they agree. */
  ComparisonSummary summary(Handle handle, Instant since) {
    Map<String, Long> byStrategy = new LinkedHashMap<>();
    counts(handle, "strategy_used", List.of(), since, TEXT)
        .forEach((strategy, n) -> byStrategy.put(strategy, n));

    Map<String, Long> fallbacks = new TreeMap<>();
    counts(handle, "failure_reason", List.of(" strategy_used = 'formula_fallback'"), since, TEXT)
        .forEach((reason, n) -> fallbacks.merge(kind(reason), n, Long::sum));

    Map<Integer, Long> bars =
        counts(handle, bucketExpression(), List.of(" weight_pct IS NOT NULL"), since, INTEGER);
    List<ComparisonSummary.WeightPctBucket> histogram = new ArrayList<>();
    long compared = 0;
    for (int i = 0; i <= WEIGHT_PCT_BOUNDS.length; i++) {
      long n = bars.getOrDefault(i, 0L);
      compared += n;
      histogram.add(new ComparisonSummary.WeightPctBucket(
          i == 0 ? 0 : WEIGHT_PCT_BOUNDS[i - 1],
          i < WEIGHT_PCT_BOUNDS.length ? WEIGHT_PCT_BOUNDS[i] : null,
          n));
    }

    Map<Integer, Long> setDeltas =
        counts(handle, "set_delta", List.of(" set_delta IS NOT NULL"), since, INTEGER);
    long surfaced =
        counts(handle, "surfaced", List.of(SURFACED), since, (rows, column) -> Boolean.TRUE)
            .getOrDefault(Boolean.TRUE, 0L);
    long total = byStrategy.values().stream().mapToLong(Long::longValue).sum();
    return new ComparisonSummary(
        since, total, byStrategy, fallbacks, compared, surfaced,
        compared == 0 ? 0 : (double) surfaced / compared, histogram, setDeltas);
  }

  /** The bar of the histogram a weight_pct falls in: 0 .. bounds.length (numbers of our own). */
  private static String bucketExpression() {
    StringBuilder sql = new StringBuilder("CASE");
    for (int i = 0; i < WEIGHT_PCT_BOUNDS.length; i++) {
      sql.append(" WHEN weight_pct <= ").append(WEIGHT_PCT_BOUNDS[i]).append(" THEN ").append(i);
    }
    return sql.append(" ELSE ").append(WEIGHT_PCT_BOUNDS.length).append(" END").toString();
  }

  /** How a group's key is read from column {@code k}. */
  private interface Key<K> {
    K read(ResultSet rows, String column) throws SQLException;
  }

  private static final Key<String> TEXT = ResultSet::getString;
  private static final Key<Integer> INTEGER = ResultSet::getInt;

  /** {@code SELECT <key>, COUNT(*) ... GROUP BY <key>}: key → count, in key order. */
  private static <K> Map<K, Long> counts(
      Handle handle, String key, List<String> conditions, Instant since, Key<K> read) {
    List<String> all = new ArrayList<>(conditions);
    if (since != null) {
      all.add(SINCE);
    }
    Query query = handle.createQuery(
        "SELECT " + key + " AS k, COUNT(*) AS n FROM jit_comparison_logs" + where(all)
            + " GROUP BY " + key + " ORDER BY 1");
    if (since != null) {
      query.bind("since", since);
    }
    Map<K, Long> counts = new LinkedHashMap<>();
    query.map((rows, ctx) -> new AbstractMap.SimpleEntry<>(read.read(rows, "k"), rows.getLong("n")))
        .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
    return counts;
  }

  /** "timeout: no answer within 5000 ms" → "timeout": the kind the reason starts with. */
  static String kind(String reason) {
    if (reason == null || reason.isBlank()) {
      return "unknown";
    }
    int colon = reason.indexOf(':');
    return (colon > 0 ? reason.substring(0, colon) : reason).strip();
  }

  private static String where(List<String> conditions) {
    return conditions.isEmpty() ? "" : " WHERE" + String.join(" AND", conditions);
  }

  private StoredComparison comparison(ResultSet r, StatementContext ctx) throws SQLException {
    return new StoredComparison(
        r.getLong("id"),
        r.getString("lifter_id"),
        r.getString("session_id"),
        JdbiSetup.instant(r, "created_at", vendor),
        r.getString("jit_input"),
        r.getString("formula_output"),
        r.getString("llm_output"),
        r.getString("divergence"),
        r.getString("strategy_used"),
        r.getString("failure_reason"),
        r.getBoolean("surfaced"));
  }
}

package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.wire.JitJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The SQL of the sessions and their history, the same text on both databases ({@code <json>} is
 * the vendor's JSON type, see {@link Vendor#render}).
 *
 * <p>A generation is two statements: the upsert brings the {@code sessions} row to it (bumping the
 * revision), and the append copies that row into the history. The history entry is therefore the
 * row as it now is, by construction — which is also why both must run in order for each
 * generation, and why a batch runs them in rounds ({@link SessionWrites}).
 */
final class SessionSql {

  /**
   * The column values of one generation, computed once before the transaction starts (JSON
   * serialisation does not belong inside a held write lock).
   */
  record Write(
      String sessionId,
      String lifterId,
      int weekNumber,
      int blockNumber,
      String primaryLift,
      String intensityType,
      boolean deload,
      String plannedSetsJson,
      Instant generatedAt,
      String inputSnapshotJson,
      String jitStrategy,
      String outputJson,
      LlmDecision decision) {

    static Write of(GenerationToStore generation) {
      JitInput input = generation.input();
      JitOutput output = generation.output();
      return new Write(
          input.sessionId(),
          generation.lifterId(),
          input.weekNumber(),
          input.blockNumber(),
          input.primaryLift().wire(),
          input.intensityType().wire(),
          input.intensityType() == IntensityType.DELOAD,
          JitJson.write(output.mainLiftSets()),
          output.generatedAt(),
          generation.inputSnapshotJson(),
          output.jitStrategy().wire(),
          JitJson.write(output),
          generation.decision());
    }
  }

  /**
   * Inserts the row or brings it to this generation. On PostgreSQL the conflicting row is locked
   * until commit, so two regenerations of one session get consecutive revisions; on SQLite the
   * write transaction already excludes every other writer. A generation without a lifter keeps the
   * lifter already known; created_at never changes.
   */
  private static final String UPSERT =
      """
      INSERT INTO sessions (
          session_id, lifter_id, week_number, block_number, primary_lift, intensity_type,
          is_deload, status, planned_sets, jit_generated_at, jit_input_snapshot, jit_strategy,
          jit_output, revision, created_at, updated_at)
      VALUES (
          :sessionId, :lifterId, :weekNumber, :blockNumber, :primaryLift,
          :intensityType, :deload, 'planned', CAST(:plannedSetsJson AS <json>),
          :generatedAt, CAST(:inputSnapshotJson AS <json>), :jitStrategy,
          CAST(:outputJson AS <json>), 1, :now, :now)
      ON CONFLICT (session_id) DO UPDATE SET
          lifter_id = COALESCE(excluded.lifter_id, sessions.lifter_id),
          week_number = excluded.week_number,
          block_number = excluded.block_number,
          primary_lift = excluded.primary_lift,
          intensity_type = excluded.intensity_type,
          is_deload = excluded.is_deload,
          status = excluded.status,
          planned_sets = excluded.planned_sets,
          jit_generated_at = excluded.jit_generated_at,
          jit_input_snapshot = excluded.jit_input_snapshot,
          jit_strategy = excluded.jit_strategy,
          jit_output = excluded.jit_output,
          revision = sessions.revision + 1,
          updated_at = excluded.updated_at
      """;

  /** The row just upserted, as the history entry of its revision (recorded when it was updated). */
  private static final String APPEND =
      """
      INSERT INTO session_generations (
          session_id, revision, generated_at, jit_strategy, planned_sets, jit_input_snapshot,
          jit_output, recorded_at)
      SELECT session_id, revision, jit_generated_at, jit_strategy, planned_sets,
             jit_input_snapshot, jit_output, updated_at
        FROM sessions
       WHERE session_id = :sessionId
      """;

  private static final String ROW =
      """
      SELECT session_id, lifter_id, week_number, block_number, primary_lift, intensity_type,
             is_deload, status, planned_sets, jit_generated_at, jit_input_snapshot, jit_strategy,
             jit_output, revision, created_at, updated_at
        FROM sessions
       WHERE session_id = :sessionId
      """;

  private static final String HISTORY =
      """
      SELECT id, revision, generated_at, jit_strategy, planned_sets, jit_input_snapshot,
             jit_output, recorded_at
        FROM session_generations
       WHERE session_id = :sessionId AND revision <= :revision
       ORDER BY revision
      """;

  private static final String SUMMARY_COLUMNS =
      """
      SELECT session_id, lifter_id, primary_lift, intensity_type, week_number, block_number,
             jit_strategy, jit_generated_at,
             -- Equals its number of history rows (each upsert bumps revision and appends one).
             revision, updated_at
        FROM sessions
      """;

  // Newest first; the session id breaks ties so that a cursor names one position.
  private static final String BY_LIFTER = " lifter_id = :lifterId";
  private static final String AFTER_CURSOR =
      " (updated_at < :afterAt OR (updated_at = :afterAt AND session_id > :afterId))";
  private static final String NEWEST_FIRST = " ORDER BY updated_at DESC, session_id LIMIT :limit";

  private final Vendor vendor;
  private final String upsert;
  private final String append;
  private final String appendReturning;

  SessionSql(Vendor vendor) {
    this.vendor = vendor;
    this.upsert = vendor.render(UPSERT);
    this.append = vendor.render(APPEND);
    this.appendReturning = append.stripTrailing() + "\nRETURNING id, revision";
  }

  /** One generation; returns where it landed. */
  StoredGeneration record(Handle handle, Write write, Instant now) {
    bindUpsert(handle.createUpdate(upsert), write, now).execute();
    return handle.createQuery(appendReturning)
        .bind("sessionId", write.sessionId())
        .map((rows, ctx) -> new StoredGeneration(rows.getLong("id"), write.sessionId(), rows.getInt("revision")))
        .one();
  }

  /**
   * Generations of distinct sessions, as two batches (one pipelined round trip each on
   * PostgreSQL). The caller guarantees that no session appears twice.
   */
  void recordRound(Handle handle, List<Write> writes, List<Instant> nows) {
    PreparedBatch upserts = handle.prepareBatch(upsert);
    PreparedBatch appends = handle.prepareBatch(append);
    for (int i = 0; i < writes.size(); i++) {
      bindUpsert(upserts, writes.get(i), nows.get(i)).add();
      appends.bind("sessionId", writes.get(i).sessionId()).add();
    }
    upserts.execute();
    appends.execute();
  }

  private static <S extends SqlStatement<S>> S bindUpsert(S statement, Write w, Instant now) {
    return statement
        .bind("sessionId", w.sessionId())
        .bind("lifterId", w.lifterId())
        .bind("weekNumber", w.weekNumber())
        .bind("blockNumber", w.blockNumber())
        .bind("primaryLift", w.primaryLift())
        .bind("intensityType", w.intensityType())
        .bind("deload", w.deload())
        .bind("plannedSetsJson", w.plannedSetsJson())
        .bind("generatedAt", w.generatedAt())
        .bind("inputSnapshotJson", w.inputSnapshotJson())
        .bind("jitStrategy", w.jitStrategy())
        .bind("outputJson", w.outputJson())
        .bind("now", now);
  }

  Optional<SessionRow> row(Handle handle, String sessionId) {
    return handle.createQuery(ROW).bind("sessionId", sessionId).map(this::sessionRow).findOne();
  }

  List<HistoryEntry> history(Handle handle, String sessionId, int revision) {
    return handle.createQuery(HISTORY)
        .bind("sessionId", sessionId)
        .bind("revision", revision)
        .map(this::historyEntry)
        .list();
  }

  /** At most {@code limit} sessions after {@code after} (null: from the newest). */
  List<SessionSummary> summaries(Handle handle, String lifterId, Cursor after, int limit) {
    StringBuilder sql = new StringBuilder(SUMMARY_COLUMNS);
    if (lifterId != null || after != null) {
      sql.append(" WHERE");
      if (lifterId != null) {
        sql.append(BY_LIFTER);
      }
      if (after != null) {
        sql.append(lifterId != null ? " AND" : "").append(AFTER_CURSOR);
      }
    }
    sql.append(NEWEST_FIRST);
    var query = handle.createQuery(sql.toString()).bind("limit", limit);
    if (lifterId != null) {
      query.bind("lifterId", lifterId);
    }
    if (after != null) {
      query.bind("afterAt", after.at()).bind("afterId", after.key());
    }
    return query.map(this::summary).list();
  }

  private SessionRow sessionRow(ResultSet r, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new SessionRow(
        r.getString("session_id"),
        r.getString("lifter_id"),
        r.getInt("week_number"),
        r.getInt("block_number"),
        r.getString("primary_lift"),
        r.getString("intensity_type"),
        r.getBoolean("is_deload"),
        r.getString("status"),
        r.getString("planned_sets"),
        JdbiSetup.instant(r, "jit_generated_at", vendor),
        r.getString("jit_input_snapshot"),
        r.getString("jit_strategy"),
        r.getString("jit_output"),
        r.getInt("revision"),
        JdbiSetup.instant(r, "created_at", vendor),
        JdbiSetup.instant(r, "updated_at", vendor));
  }

  private HistoryEntry historyEntry(ResultSet r, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new HistoryEntry(
        r.getLong("id"),
        r.getInt("revision"),
        JdbiSetup.instant(r, "generated_at", vendor),
        r.getString("jit_strategy"),
        r.getString("planned_sets"),
        r.getString("jit_input_snapshot"),
        r.getString("jit_output"),
        JdbiSetup.instant(r, "recorded_at", vendor));
  }

  private SessionSummary summary(ResultSet r, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new SessionSummary(
        r.getString("session_id"),
        r.getString("lifter_id"),
        r.getString("primary_lift"),
        r.getString("intensity_type"),
        r.getInt("week_number"),
        r.getInt("block_number"),
        r.getString("jit_strategy"),
        JdbiSetup.instant(r, "jit_generated_at", vendor),
        r.getInt("revision"),
        JdbiSetup.instant(r, "updated_at", vendor));
  }
}

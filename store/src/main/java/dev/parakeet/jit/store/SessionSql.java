package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.wire.JitJson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The SQL of the sessions and their history, the same text on both databases ({@code <json>} is
 * the vendor's JSON type, see {@link JdbiSetup}). INSERT ... RETURNING runs as a query.
 */
interface SessionSql {

  /**
   * The column values of one generation, computed once before the transaction starts (JSON
   * serialisation does not belong inside a held write lock). Bound by name with
   * {@code @BindMethods}, which reads accessors only on a class whose own access flag is public:
   * a public type nested in this package-private interface is exactly that, and still invisible
   * outside the package.
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
      String outputJson) {

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
          JitJson.write(output));
    }
  }

  /**
   * Inserts the row or brings it to this generation, and returns the new revision. On PostgreSQL
   * the conflicting row is locked until commit, so two regenerations of one session get
   * consecutive revisions; on SQLite the write transaction already excludes every other writer.
   * A generation without a lifter keeps the lifter already known; created_at never changes.
   */
  @SqlQuery(
      """
      INSERT INTO sessions (
          session_id, lifter_id, week_number, block_number, primary_lift, intensity_type,
          is_deload, status, planned_sets, jit_generated_at, jit_input_snapshot, jit_strategy,
          jit_output, revision, created_at, updated_at)
      VALUES (
          :w.sessionId, :w.lifterId, :w.weekNumber, :w.blockNumber, :w.primaryLift,
          :w.intensityType, :w.deload, 'planned', CAST(:w.plannedSetsJson AS <json>),
          :w.generatedAt, CAST(:w.inputSnapshotJson AS <json>), :w.jitStrategy,
          CAST(:w.outputJson AS <json>), 1, :now, :now)
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
      RETURNING revision
      """)
  int upsert(@BindMethods("w") Write write, @Bind("now") Instant now);

  @SqlQuery(
      """
      INSERT INTO session_generations (
          session_id, revision, generated_at, jit_strategy, planned_sets, jit_input_snapshot,
          jit_output, recorded_at)
      VALUES (
          :w.sessionId, :revision, :w.generatedAt, :w.jitStrategy,
          CAST(:w.plannedSetsJson AS <json>), CAST(:w.inputSnapshotJson AS <json>),
          CAST(:w.outputJson AS <json>), :now)
      RETURNING id
      """)
  long append(
      @BindMethods("w") Write write, @Bind("revision") int revision, @Bind("now") Instant now);

  @SqlQuery(
      """
      SELECT session_id, lifter_id, week_number, block_number, primary_lift, intensity_type,
             is_deload, status, planned_sets, jit_generated_at, jit_input_snapshot, jit_strategy,
             jit_output, revision, created_at, updated_at
        FROM sessions
       WHERE session_id = :sessionId
      """)
  Optional<SessionRow> row(@Bind("sessionId") String sessionId);

  @SqlQuery(
      """
      SELECT id AS generation_id, revision, generated_at, jit_strategy,
             planned_sets AS planned_sets_json, jit_input_snapshot AS input_snapshot_json,
             jit_output AS output_json, recorded_at
        FROM session_generations
       WHERE session_id = :sessionId AND revision <= :revision
       ORDER BY revision
      """)
  List<HistoryEntry> history(@Bind("sessionId") String sessionId, @Bind("revision") int revision);

  @SqlQuery(
      """
      SELECT s.session_id, s.lifter_id, s.primary_lift, s.intensity_type, s.week_number,
             s.block_number, s.jit_strategy, s.jit_generated_at,
             -- Equals its number of history rows (each upsert bumps revision and appends one).
             s.revision AS generations,
             s.updated_at
        FROM sessions s
       ORDER BY s.updated_at DESC, s.session_id
       LIMIT :limit
      """)
  List<SessionSummary> list(@Bind("limit") int limit);
}

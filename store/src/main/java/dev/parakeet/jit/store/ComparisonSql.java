package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.port.ComparisonRecord;
import dev.parakeet.jit.wire.JitJson;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL of {@code jit_comparison_logs}, the same text on both databases. */
interface ComparisonSql {

  /**
   * The column values of one comparison log, serialised before the transaction starts. Public and
   * nested for {@code @BindMethods}, as {@link SessionSql.Write}.
   */
  record Write(
      String lifterId,
      String sessionId,
      Instant createdAt,
      String jitInputJson,
      String formulaOutputJson,
      String llmOutputJson,
      String divergenceJson,
      String strategyUsed,
      String failureReason) {

    /** {@code createdAt} stands in when the record carries no time of its own. */
    static Write of(ComparisonRecord record, Instant now) {
      return new Write(
          LifterId.of(record.input()),
          record.input().sessionId(),
          record.createdAt() != null ? record.createdAt() : now,
          JitJson.write(record.input()),
          JitJson.write(record.formulaOutput()),
          record.llmOutput() == null ? null : JitJson.write(record.llmOutput()),
          record.divergence() == null ? null : JitJson.write(record.divergence()),
          record.strategyUsed().wire(),
          record.failureReason());
    }
  }

  @SqlUpdate(
      """
      INSERT INTO jit_comparison_logs (
          lifter_id, session_id, created_at, jit_input, formula_output, llm_output, divergence,
          strategy_used, failure_reason)
      VALUES (
          :c.lifterId, :c.sessionId, :c.createdAt, CAST(:c.jitInputJson AS <json>),
          CAST(:c.formulaOutputJson AS <json>), CAST(:c.llmOutputJson AS <json>),
          CAST(:c.divergenceJson AS <json>), :c.strategyUsed, :c.failureReason)
      """)
  void insert(@BindMethods("c") Write write);

  @SqlUpdate("DELETE FROM jit_comparison_logs WHERE created_at < :cutoff")
  int deleteBefore(@Bind("cutoff") Instant cutoff);

  @SqlQuery("SELECT COUNT(*) FROM jit_comparison_logs")
  long count();

  @SqlQuery(
      """
      SELECT id, lifter_id, session_id, created_at, jit_input AS jit_input_json,
             formula_output AS formula_output_json, llm_output AS llm_output_json,
             divergence AS divergence_json, strategy_used, failure_reason
        FROM jit_comparison_logs
       ORDER BY created_at DESC, id DESC
       LIMIT :limit
      """)
  List<StoredComparison> recent(@Bind("limit") int limit);
}

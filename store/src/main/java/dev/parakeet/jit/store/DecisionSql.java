package dev.parakeet.jit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of {@code llm_decisions}, the same text on both databases. */
final class DecisionSql {

  /**
   * A decision of the generation the session's row now is: run right after that generation's
   * upsert and append, in the same transaction ({@link SessionWrites}).
   */
  private static final String INSERT =
      """
      INSERT INTO llm_decisions (
          session_id, generation_id, created_at, provider, model, prompt_version, latency_ms,
          input_tokens, output_tokens, outcome, raw_adjustment, failure_reason)
      SELECT g.session_id, g.id, :createdAt, :provider, :model, :promptVersion, :latencyMs,
             :inputTokens, :outputTokens, :outcome, CAST(:rawAdjustmentJson AS <json>),
             :failureReason
        FROM sessions s
        JOIN session_generations g ON g.session_id = s.session_id AND g.revision = s.revision
       WHERE s.session_id = :sessionId
      """;

  private static final String SELECT =
      """
      SELECT d.id, d.session_id, d.generation_id, g.revision, d.created_at, d.provider, d.model,
             d.prompt_version, d.latency_ms, d.input_tokens, d.output_tokens, d.outcome,
             d.raw_adjustment, d.failure_reason
        FROM llm_decisions d
        JOIN session_generations g ON g.id = d.generation_id
       WHERE d.session_id = :sessionId
      """;

  private final Vendor vendor;
  private final String insert;

  DecisionSql(Vendor vendor) {
    this.vendor = vendor;
    this.insert = vendor.render(INSERT);
  }

  void insert(Handle handle, String sessionId, LlmDecision decision, Instant now) {
    bind(handle.createUpdate(insert), sessionId, decision, now).execute();
  }

  /** Decisions of generations of distinct sessions, each just written (see {@link #INSERT}). */
  void insertRound(Handle handle, List<SessionSql.Write> writes, List<Instant> nows) {
    PreparedBatch batch = null;
    for (int i = 0; i < writes.size(); i++) {
      SessionSql.Write write = writes.get(i);
      if (write.decision() != null) {
        batch = batch != null ? batch : handle.prepareBatch(insert);
        bind(batch, write.sessionId(), write.decision(), nows.get(i)).add();
      }
    }
    if (batch != null) {
      batch.execute();
    }
  }

  private static <S extends SqlStatement<S>> S bind(
      S statement, String sessionId, LlmDecision d, Instant now) {
    return statement
        .bind("sessionId", sessionId)
        .bind("createdAt", d.createdAt() != null ? d.createdAt() : now)
        .bind("provider", d.provider())
        .bind("model", d.model())
        .bind("promptVersion", d.promptVersion())
        .bind("latencyMs", d.latencyMs())
        .bind("inputTokens", d.inputTokens())
        .bind("outputTokens", d.outputTokens())
        .bind("outcome", d.outcome())
        .bind("rawAdjustmentJson", d.rawAdjustmentJson())
        .bind("failureReason", d.failureReason());
  }

  List<StoredDecision> forSession(Handle handle, String sessionId) {
    return handle.createQuery(SELECT + " ORDER BY g.revision")
        .bind("sessionId", sessionId)
        .map(this::decision)
        .list();
  }

  Optional<StoredDecision> forGeneration(Handle handle, String sessionId, int revision) {
    return handle.createQuery(SELECT + " AND g.revision = :revision")
        .bind("sessionId", sessionId)
        .bind("revision", revision)
        .map(this::decision)
        .findOne();
  }

  private StoredDecision decision(ResultSet r, StatementContext ctx) throws SQLException {
    return new StoredDecision(
        r.getLong("id"),
        r.getString("session_id"),
        r.getLong("generation_id"),
        r.getInt("revision"),
        JdbiSetup.instant(r, "created_at", vendor),
        r.getString("provider"),
        r.getString("model"),
        r.getString("prompt_version"),
        r.getLong("latency_ms"),
        JdbiSetup.nullableInt(r, "input_tokens"),
        JdbiSetup.nullableInt(r, "output_tokens"),
        r.getString("outcome"),
        r.getString("raw_adjustment"),
        r.getString("failure_reason"));
  }
}

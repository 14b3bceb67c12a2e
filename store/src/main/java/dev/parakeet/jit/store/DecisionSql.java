package dev.parakeet.jit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of {@code llm_decisions}, the same text on both databases. */
final class DecisionSql {

  /**
   * A decision of the generation the session's row now is: run right after that generation's
   * upsert and append, in the same transaction ({@link SessionWrites}). Plain JDBC, its
   * parameters bound in this order by {@link #bind}: created_at to failure_reason, then the
   * session.
   */
  private static final String INSERT =
      """
      INSERT INTO llm_decisions (
          session_id, generation_id, created_at, provider, model, prompt_version, latency_ms,
          input_tokens, output_tokens, outcome, raw_adjustment, failure_reason)
      SELECT g.session_id, g.id, ?, ?, ?, ?, ?,
             ?, ?, ?, CAST(? AS <json>),
             ?
        FROM sessions s
        JOIN session_generations g ON g.session_id = s.session_id AND g.revision = s.revision
       WHERE s.session_id = ?
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

  void insert(Connection connection, String sessionId, LlmDecision decision, Instant now)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      bind(statement, sessionId, decision, now);
      statement.executeUpdate();
    }
  }

  /** Decisions of generations of distinct sessions, each just written (see {@link #INSERT}). */
  void insertRound(Connection connection, List<SessionSql.Write> writes, List<Instant> nows)
      throws SQLException {
    PreparedStatement batch = null;
    try {
      for (int i = 0; i < writes.size(); i++) {
        SessionSql.Write write = writes.get(i);
        if (write.decision() != null) {
          batch = batch != null ? batch : connection.prepareStatement(insert);
          bind(batch, write.sessionId(), write.decision(), nows.get(i));
          batch.addBatch();
        }
      }
      if (batch != null) {
        batch.executeBatch();
      }
    } finally {
      if (batch != null) {
        batch.close();
      }
    }
  }

  private void bind(PreparedStatement statement, String sessionId, LlmDecision d, Instant now)
      throws SQLException {
    Timestamps.bind(statement, 1, d.createdAt() != null ? d.createdAt() : now, vendor);
    statement.setString(2, d.provider());
    statement.setString(3, d.model());
    statement.setString(4, d.promptVersion());
    statement.setLong(5, d.latencyMs());
    setNullableInt(statement, 6, d.inputTokens());
    setNullableInt(statement, 7, d.outputTokens());
    statement.setString(8, d.outcome());
    statement.setString(9, d.rawAdjustmentJson());
    statement.setString(10, d.failureReason());
    statement.setString(11, sessionId);
  }

  private static void setNullableInt(PreparedStatement statement, int position, Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(position, Types.INTEGER);
    } else {
      statement.setInt(position, value);
    }
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

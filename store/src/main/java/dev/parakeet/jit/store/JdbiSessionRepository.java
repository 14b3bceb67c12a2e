package dev.parakeet.jit.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link SessionRepository} on JDBI, for both vendors. */
final class JdbiSessionRepository implements SessionRepository {

  private final Transactions transactions;
  private final SessionSql sql;
  private final SessionWrites writes;

  JdbiSessionRepository(Transactions transactions, SessionSql sql, SessionWrites writes) {
    this.transactions = transactions;
    this.sql = sql;
    this.writes = writes;
  }

  @Override
  public StoredGeneration record(GenerationToStore generation) {
    Objects.requireNonNull(generation, "generation");
    return writes.one(SessionSql.Write.of(generation));
  }

  @Override
  public <T> SessionBatch<T> batch(BatchPolicy policy, BatchListener<T> listener) {
    return new OrderedBatch<>(writes, policy, listener);
  }

  @Override
  public Optional<SessionOwner> owner(String sessionId) {
    Objects.requireNonNull(sessionId, "sessionId");
    return transactions.read("could not read session " + sessionId, handle -> sql.owner(handle, sessionId));
  }

  /**
   * Two plain reads, no transaction: the row names its revision, and every history entry up to
   * that revision was committed with (or before) the row and can never change. A generation
   * committed between the two reads is simply not included, so row and history always agree.
   */
  @Override
  public Optional<StoredSession> find(String sessionId) {
    Objects.requireNonNull(sessionId, "sessionId");
    return transactions.read(
        "could not read session " + sessionId,
        handle -> sql.row(handle, sessionId)
            .map(row -> row.with(sql.history(handle, sessionId, row.revision()))));
  }

  @Override
  public List<SessionSummary> list(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    return transactions.read(
        "could not list sessions", handle -> sql.summaries(handle, null, null, limit));
  }

  @Override
  public Page<SessionSummary> page(String lifterId, int limit, String cursor) {
    Pages.checkLimit(limit);
    Cursor after = Cursor.decode(Cursor.SESSIONS, cursor);
    List<SessionSummary> rows = transactions.read(
        "could not list sessions", handle -> sql.summaries(handle, lifterId, after, limit + 1));
    return Pages.of(rows, limit, last -> new Cursor(last.updatedAt(), last.sessionId()).encode(Cursor.SESSIONS));
  }
}

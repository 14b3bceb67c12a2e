package dev.parakeet.jit.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link SessionRepository} on JDBI, for both vendors. */
final class JdbiSessionRepository implements SessionRepository {

  private final Transactions transactions;
  private final Clock clock;

  JdbiSessionRepository(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public StoredGeneration record(GenerationToStore generation) {
    Objects.requireNonNull(generation, "generation");
    SessionSql.Write write = SessionSql.Write.of(generation);
    return transactions.write(
        "could not record session " + write.sessionId(),
        handle -> {
          SessionSql sql = handle.attach(SessionSql.class);
          // Read the clock inside the attempt: a retried write must not carry a stale time.
          Instant now = clock.instant();
          int revision = sql.upsert(write, now);
          long id = sql.append(write, revision, now);
          return new StoredGeneration(id, write.sessionId(), revision);
        });
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
        handle -> {
          SessionSql sql = handle.attach(SessionSql.class);
          return sql.row(sessionId)
              .map(row -> row.with(sql.history(sessionId, row.revision())));
        });
  }

  @Override
  public List<SessionSummary> list(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    return transactions.read(
        "could not list sessions", handle -> handle.attach(SessionSql.class).list(limit));
  }
}

package dev.parakeet.jit.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link DecisionRepository} on JDBI, for both vendors. */
final class JdbiDecisionRepository implements DecisionRepository {

  private final Transactions transactions;
  private final DecisionSql sql;

  JdbiDecisionRepository(Transactions transactions, DecisionSql sql) {
    this.transactions = transactions;
    this.sql = sql;
  }

  @Override
  public List<StoredDecision> forSession(String sessionId) {
    Objects.requireNonNull(sessionId, "sessionId");
    return transactions.read(
        "could not read the decisions of session " + sessionId,
        handle -> sql.forSession(handle, sessionId));
  }

  @Override
  public Optional<StoredDecision> forGeneration(String sessionId, int revision) {
    Objects.requireNonNull(sessionId, "sessionId");
    return transactions.read(
        "could not read the decisions of session " + sessionId,
        handle -> sql.forGeneration(handle, sessionId, revision));
  }
}

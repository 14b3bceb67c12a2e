package dev.parakeet.jit.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes generations — each with its decision record, if any — one transaction per call, retried
 * whole when the database was busy ({@link Transactions}), in plain JDBC: recording a generation
 * needs nothing of JDBI. One generation is {@link #one}; many
 * ({@link #group}) go in input order, so that a session regenerated several times gets its
 * revisions in that order.
 *
 * <p>A group is written in rounds: round k holds the k-th occurrence of each session, in input
 * order. Within a round every session appears once, so its upserts can go as one multi-row
 * statement and its appends as the next ({@link SessionSql#recordRound}) without an append ever
 * copying a row that a later generation of the same session has already overwritten.
 */
final class SessionWrites {

  private final Transactions transactions;
  private final SessionSql sessions;
  private final DecisionSql decisions;
  private final Clock clock;

  SessionWrites(Transactions transactions, SessionSql sessions, DecisionSql decisions, Clock clock) {
    this.transactions = transactions;
    this.sessions = sessions;
    this.decisions = decisions;
    this.clock = clock;
  }

  StoredGeneration one(SessionSql.Write write) {
    return transactions.writeOn(
        "could not record session " + write.sessionId(),
        connection -> {
          // Read the clock inside the attempt: a retried write must not carry a stale time.
          Instant now = clock.instant();
          StoredGeneration stored = sessions.record(connection, write, now);
          if (write.decision() != null) {
            decisions.insert(connection, write.sessionId(), write.decision(), now);
          }
          return stored;
        });
  }

  /** All of {@code writes} in one transaction, in input order, or none of them. */
  void group(List<SessionSql.Write> writes) {
    if (writes.size() == 1) {
      one(writes.get(0));
      return;
    }
    List<List<SessionSql.Write>> rounds = rounds(writes);
    transactions.writeOn(
        "could not record " + writes.size() + " sessions (" + writes.get(0).sessionId() + " to "
            + writes.get(writes.size() - 1).sessionId() + ")",
        connection -> {
          // One instant per generation, read in input order: updated_at follows the input too.
          Map<SessionSql.Write, Instant> now = new java.util.IdentityHashMap<>();
          for (SessionSql.Write write : writes) {
            now.put(write, clock.instant());
          }
          for (List<SessionSql.Write> round : rounds) {
            List<Instant> times = round.stream().map(now::get).toList();
            sessions.recordRound(connection, round, times);
            decisions.insertRound(connection, round, times);
          }
          return null;
        });
  }

  /** The k-th occurrence of each session goes to round k; input order within each round. */
  static List<List<SessionSql.Write>> rounds(List<SessionSql.Write> writes) {
    List<List<SessionSql.Write>> rounds = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (SessionSql.Write write : writes) {
      int round = seen.merge(write.sessionId(), 1, Integer::sum) - 1;
      if (round == rounds.size()) {
        rounds.add(new ArrayList<>());
      }
      rounds.get(round).add(write);
    }
    return rounds;
  }
}

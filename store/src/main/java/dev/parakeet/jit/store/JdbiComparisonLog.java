package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.port.ComparisonLog;
import dev.parakeet.jit.engine.port.ComparisonRecord;
import java.time.Clock;
import java.util.Objects;

/**
 * The engine's {@link ComparisonLog} port, writing one row of {@code jit_comparison_logs} per
 * hybrid run. A failure is thrown as a {@link StoreException}; the engine reports it and goes on
 * with the generation.
 */
final class JdbiComparisonLog implements ComparisonLog {

  private final Transactions transactions;
  private final ComparisonSql sql;
  private final Clock clock;

  JdbiComparisonLog(Transactions transactions, ComparisonSql sql, Clock clock) {
    this.transactions = transactions;
    this.sql = sql;
    this.clock = clock;
  }

  @Override
  public void record(ComparisonRecord record) {
    Objects.requireNonNull(record, "record");
    ComparisonSql.Write write = ComparisonSql.Write.of(record, clock.instant());
    transactions.write(
        "could not log the comparison for session " + write.sessionId(),
        handle -> {
          sql.insert(handle, write);
          return null;
        });
  }
}

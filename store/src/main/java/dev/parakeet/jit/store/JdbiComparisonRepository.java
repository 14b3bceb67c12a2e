package dev.parakeet.jit.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** {@link ComparisonRepository} on JDBI, for both vendors. */
final class JdbiComparisonRepository implements ComparisonRepository {

  private final Transactions transactions;
  private final Failures failures;

  JdbiComparisonRepository(Transactions transactions, Failures failures) {
    this.transactions = transactions;
    this.failures = failures;
  }

  @Override
  public int purgeOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    // Rows are stored on a millisecond grid; see Timestamps.cutoff for why this rounds up.
    Instant onGrid = Timestamps.cutoff(cutoff);
    try {
      return transactions.write(handle -> handle.attach(ComparisonSql.class).deleteBefore(onGrid));
    } catch (RuntimeException e) {
      throw failures.wrap("could not purge comparison logs", e);
    }
  }

  @Override
  public long count() {
    try {
      return transactions.read(handle -> handle.attach(ComparisonSql.class).count());
    } catch (RuntimeException e) {
      throw failures.wrap("could not count comparison logs", e);
    }
  }

  @Override
  public List<StoredComparison> recent(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    try {
      return transactions.read(handle -> handle.attach(ComparisonSql.class).recent(limit));
    } catch (RuntimeException e) {
      throw failures.wrap("could not read comparison logs", e);
    }
  }
}

package dev.parakeet.jit.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** {@link ComparisonRepository} on JDBI, for both vendors. */
final class JdbiComparisonRepository implements ComparisonRepository {

  private final Transactions transactions;

  JdbiComparisonRepository(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public int purgeOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    // Rows are stored on a millisecond grid; see Timestamps.cutoff for why this rounds up.
    Instant onGrid = Timestamps.cutoff(cutoff);
    return transactions.write(
        "could not purge comparison logs",
        handle -> handle.attach(ComparisonSql.class).deleteBefore(onGrid));
  }

  @Override
  public long count() {
    return transactions.read(
        "could not count comparison logs", handle -> handle.attach(ComparisonSql.class).count());
  }

  @Override
  public List<StoredComparison> recent(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    return transactions.read(
        "could not read comparison logs", handle -> handle.attach(ComparisonSql.class).recent(limit));
  }
}

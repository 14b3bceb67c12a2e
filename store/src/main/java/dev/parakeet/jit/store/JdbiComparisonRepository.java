package dev.parakeet.jit.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** {@link ComparisonRepository} on JDBI, for both vendors. */
final class JdbiComparisonRepository implements ComparisonRepository {

  private final Transactions transactions;
  private final ComparisonSql sql;

  JdbiComparisonRepository(Transactions transactions, ComparisonSql sql) {
    this.transactions = transactions;
    this.sql = sql;
  }

  @Override
  public int purgeOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    // Rows are stored on a millisecond grid; see Timestamps.cutoff for why this rounds up.
    Instant onGrid = Timestamps.cutoff(cutoff);
    return transactions.longWrite(
        "could not purge comparison logs", handle -> sql.deleteBefore(handle, onGrid));
  }

  @Override
  public long count() {
    return transactions.read("could not count comparison logs", sql::count);
  }

  @Override
  public List<StoredComparison> recent(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    return transactions.read(
        "could not read comparison logs", handle -> sql.page(handle, null, null, null, limit));
  }

  @Override
  public Page<StoredComparison> page(Boolean surfaced, Instant since, int limit, String cursor) {
    Pages.checkLimit(limit);
    Cursor after = Cursor.decode(Cursor.COMPARISONS, cursor);
    if (after != null && !after.key().chars().allMatch(Character::isDigit)) {
      throw new InvalidCursorException();
    }
    Instant from = since == null ? null : Timestamps.cutoff(since);
    List<StoredComparison> rows = transactions.read(
        "could not read comparison logs",
        handle -> sql.page(handle, surfaced, from, after, limit + 1));
    return Pages.of(rows, limit,
        last -> new Cursor(last.createdAt(), Long.toString(last.id())).encode(Cursor.COMPARISONS));
  }

  @Override
  public ComparisonSummary summary(Instant since) {
    Instant from = since == null ? null : Timestamps.cutoff(since);
    return transactions.snapshot(
        "could not summarise comparison logs", handle -> sql.summary(handle, from));
  }
}

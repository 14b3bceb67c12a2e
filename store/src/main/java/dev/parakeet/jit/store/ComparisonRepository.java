package dev.parakeet.jit.store;

import java.time.Instant;
import java.util.List;

/** Reading and purging the hybrid comparison logs (SPEC §6: development data kept 90 days). */
public interface ComparisonRepository {

  /** Deletes the comparison logs created before {@code cutoff}; returns how many. */
  int purgeOlderThan(Instant cutoff);

  long count();

  /** At most {@code limit} logs, newest first. */
  List<StoredComparison> recent(int limit);

  /**
   * A page of logs, newest first (ties by id).
   *
   * @param surfaced only the runs whose difference was surfaced to the lifter (true), only the
   *     others (false), or all (null)
   * @param since only logs created at or after it, or null for all
   * @param limit 1..{@link Page#MAX_LIMIT}
   * @param cursor null for the first page, else the {@link Page#nextCursor()} of the previous one
   * @throws InvalidCursorException when the cursor was not made by this listing
   */
  Page<StoredComparison> page(Boolean surfaced, Instant since, int limit, String cursor);

  /** The logs created at or after {@code since} (null: all of them) in aggregate. */
  ComparisonSummary summary(Instant since);
}

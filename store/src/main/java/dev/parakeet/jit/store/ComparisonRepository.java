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
}

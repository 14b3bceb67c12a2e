package dev.parakeet.jit.engine.testing;

import dev.parakeet.jit.engine.port.ComparisonLog;
import dev.parakeet.jit.engine.port.ComparisonRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ComparisonLog} that keeps its records in memory, or fails every write. */
public final class RecordingComparisonLog implements ComparisonLog {

  private final List<ComparisonRecord> records = new CopyOnWriteArrayList<>();
  private final RuntimeException failure;

  private RecordingComparisonLog(RuntimeException failure) {
    this.failure = failure;
  }

  public static RecordingComparisonLog inMemory() {
    return new RecordingComparisonLog(null);
  }

  /** A log whose every write throws {@code failure} (after counting the attempt). */
  public static RecordingComparisonLog failingWith(RuntimeException failure) {
    return new RecordingComparisonLog(failure);
  }

  @Override
  public void record(ComparisonRecord record) {
    records.add(record);
    if (failure != null) {
      throw failure;
    }
  }

  /** Every record written (or attempted, for a failing log). */
  public List<ComparisonRecord> records() {
    return List.copyOf(records);
  }
}

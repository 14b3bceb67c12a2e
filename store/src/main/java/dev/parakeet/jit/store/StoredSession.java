package dev.parakeet.jit.store;

import java.time.Instant;
import java.util.List;

/**
 * A sessions row and its whole history, oldest first; the row is the latest generation. JSON
 * columns are returned as text: exactly as written on SQLite, normalised (same document, keys
 * reordered, whitespace changed) by PostgreSQL's {@code jsonb}.
 */
public record StoredSession(
    String sessionId,
    String lifterId,
    int weekNumber,
    int blockNumber,
    String primaryLift,
    String intensityType,
    boolean deload,
    String status,
    String plannedSetsJson,
    Instant jitGeneratedAt,
    String inputSnapshotJson,
    String jitStrategy,
    String outputJson,
    Instant createdAt,
    Instant updatedAt,
    List<HistoryEntry> history) {

  public StoredSession {
    history = List.copyOf(history);
  }
}

package dev.parakeet.jit.store;

import java.time.Instant;
import java.util.List;

/** A sessions row as read, before its history is attached. */
record SessionRow(
    String sessionId,
    String lifterId,
    int weekNumber,
    int blockNumber,
    String primaryLift,
    String intensityType,
    boolean isDeload,
    String status,
    String plannedSets,
    Instant jitGeneratedAt,
    String jitInputSnapshot,
    String jitStrategy,
    String jitOutput,
    int revision,
    Instant createdAt,
    Instant updatedAt) {

  StoredSession with(List<HistoryEntry> history) {
    return new StoredSession(
        sessionId, lifterId, weekNumber, blockNumber, primaryLift, intensityType, isDeload, status,
        plannedSets, jitGeneratedAt, jitInputSnapshot, jitStrategy, jitOutput, createdAt,
        updatedAt, history);
  }
}

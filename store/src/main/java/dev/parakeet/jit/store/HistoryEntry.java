package dev.parakeet.jit.store;

import java.time.Instant;

/** One generation of a session as appended to the history. */
public record HistoryEntry(
    long generationId,
    int revision,
    Instant generatedAt,
    String jitStrategy,
    String plannedSetsJson,
    String inputSnapshotJson,
    String outputJson,
    Instant recordedAt) {}

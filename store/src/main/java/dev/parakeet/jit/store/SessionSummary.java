package dev.parakeet.jit.store;

import java.time.Instant;

/** A line of {@code sessions list}: the session and how many generations it has had. */
public record SessionSummary(
    String sessionId,
    String lifterId,
    String primaryLift,
    String intensityType,
    int weekNumber,
    int blockNumber,
    String jitStrategy,
    Instant jitGeneratedAt,
    int generations,
    Instant updatedAt) {}

package dev.parakeet.jit.store;

import java.time.Instant;

/**
 * A row of {@code jit_comparison_logs}. The LLM side is null when the model failed; {@code
 * surfaced} is whether the difference was shown to the lifter (SPEC §6; false for a fallback).
 */
public record StoredComparison(
    long id,
    String lifterId,
    String sessionId,
    Instant createdAt,
    String jitInputJson,
    String formulaOutputJson,
    String llmOutputJson,
    String divergenceJson,
    String strategyUsed,
    String failureReason,
    boolean surfaced) {}

package dev.parakeet.jit.store;

import java.time.Instant;

/** A row of {@code jit_comparison_logs}. The LLM side is null when the model failed. */
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
    String failureReason) {}

package dev.parakeet.jit.store;

import java.time.Instant;

/**
 * A row of {@code llm_decisions} with the generation it belongs to: {@code generationId} is the
 * {@link HistoryEntry#generationId()} and {@code revision} its {@link HistoryEntry#revision()}.
 * The raw adjustment is JSON text (normalised by PostgreSQL's {@code jsonb}, as the other JSON
 * columns).
 */
public record StoredDecision(
    long id,
    String sessionId,
    long generationId,
    int revision,
    Instant createdAt,
    String provider,
    String model,
    String promptVersion,
    long latencyMs,
    Integer inputTokens,
    Integer outputTokens,
    String outcome,
    String rawAdjustmentJson,
    String failureReason) {}

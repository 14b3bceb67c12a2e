package dev.parakeet.jit.store;

/** Where a recorded generation landed: its history id and its revision (1 for the first). */
public record StoredGeneration(long generationId, String sessionId, int revision) {}

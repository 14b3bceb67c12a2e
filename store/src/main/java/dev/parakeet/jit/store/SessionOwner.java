package dev.parakeet.jit.store;

/** Who a stored session belongs to: its lifter, or null when no generation named one. */
public record SessionOwner(String sessionId, String lifterId) {}

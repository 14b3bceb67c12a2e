package dev.parakeet.jit.engine.port;

/**
 * Port: whether {@code auto} should ask the model now (SPEC §7) — a provider is configured and
 * recent calls have not been failing (the adapter's circuit breaker is not open).
 */
@FunctionalInterface
public interface ModelAvailability {

  boolean isOnline();

  static ModelAvailability offline() {
    return () -> false;
  }
}

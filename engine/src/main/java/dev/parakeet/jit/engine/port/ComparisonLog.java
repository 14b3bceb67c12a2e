package dev.parakeet.jit.engine.port;

/**
 * Port: where hybrid runs are recorded. A failing write is reported through {@link
 * StrategyEvents} and never fails the generation.
 */
@FunctionalInterface
public interface ComparisonLog {

  void record(ComparisonRecord record);
}

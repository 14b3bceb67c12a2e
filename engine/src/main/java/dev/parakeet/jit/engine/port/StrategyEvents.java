package dev.parakeet.jit.engine.port;

import dev.parakeet.jit.engine.model.Divergence;

/**
 * Port: what the strategies report so that adapters can log it. The core does no logging itself;
 * every failure it absorbs passes through here with its cause, so none is swallowed silently.
 */
public interface StrategyEvents {

  /** A model call failed and the formula was served instead. */
  void modelFailed(String sessionId, String model, ModelCallException failure);

  /** The comparison log could not be written; the generation went on. */
  void comparisonLogFailed(String sessionId, RuntimeException failure);

  /** A hybrid run compared the two strategies. */
  void compared(String sessionId, Divergence divergence, boolean surfaced);
}

package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.strategy.llm.ModelCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes what the strategies report to the log, each failure with its cause. */
public final class LoggingStrategyEvents implements StrategyEvents {

  private static final Logger LOG = LoggerFactory.getLogger("parakeet.strategy");

  @Override
  public void modelFailed(String sessionId, String model, ModelCallException failure) {
    if (failure.kind() == ModelCallException.Kind.NOT_CONFIGURED) {
      LOG.info("session {}: model {} not used: {}", sessionId, model, failure.reason());
      return;
    }
    LOG.warn(
        "session {}: model {} failed, serving the formula: {}", sessionId, model, failure.reason(),
        failure.getCause());
  }

  @Override
  public void comparisonLogFailed(String sessionId, RuntimeException failure) {
    LOG.warn("session {}: comparison log not written: {}", sessionId, failure.toString(), failure);
  }

  @Override
  public void compared(String sessionId, Divergence divergence, boolean surfaced) {
    LOG.info(
        "session {}: hybrid divergence weight {} %, sets {}{}",
        sessionId,
        Math.round(divergence.weightPct() * 1000) / 10.0,
        divergence.setDelta(),
        surfaced ? " (surfaced)" : "");
  }
}

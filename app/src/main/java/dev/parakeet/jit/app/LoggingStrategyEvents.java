package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.port.ModelCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes what the strategies report to the log, each failure with its cause. */
public final class LoggingStrategyEvents implements StrategyEvents {

  /** Looked up on first use: a run that reports nothing never sets up logging (a short run's start-up). */
  private static final class Log {
    static final Logger STRATEGY = LoggerFactory.getLogger("parakeet.strategy");
    /**
     * Model failures have a logger of their own: on the command line the card or a note already
     * tells the fallback, so the log configuration shows these only with --verbose or PARAKEET_LOG_LEVEL.
     */
    static final Logger MODEL = LoggerFactory.getLogger("parakeet.model");
  }

  @Override
  public void modelFailed(String sessionId, String model, ModelCallException failure) {
    if (failure.kind() == ModelCallException.Kind.NOT_CONFIGURED) {
      Log.MODEL.info("session {}: model {} not used: {}", sessionId, model, failure.reason());
      return;
    }
    // The reason and its cause in one line; the stack trace only for whoever asks (DEBUG).
    Log.MODEL.warn(
        "session {}: model {} failed, serving the formula: {} (cause: {})",
        sessionId, model, failure.reason(), describe(failure.getCause()));
    Log.MODEL.debug("session {}: model failure in full", sessionId, failure);
  }

  @Override
  public void comparisonLogFailed(String sessionId, RuntimeException failure) {
    Log.STRATEGY.warn("session {}: comparison log not written: {}", sessionId, describe(failure));
    Log.STRATEGY.debug("session {}: comparison log failure in full", sessionId, failure);
  }

  private static String describe(Throwable cause) {
    return cause == null ? "none" : cause.toString();
  }

  @Override
  public void compared(String sessionId, Divergence divergence, boolean surfaced) {
    Log.STRATEGY.info(
        "session {}: hybrid divergence weight {} %, sets {}{}",
        sessionId,
        Math.round(divergence.weightPct() * 1000) / 10.0,
        divergence.setDelta(),
        surfaced ? " (surfaced)" : "");
  }
}

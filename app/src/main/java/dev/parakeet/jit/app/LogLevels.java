package dev.parakeet.jit.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Which log lines reach standard error. By default ({@link LogConfiguration}) a model failure is not logged:
 * the card or the note already says it. {@code --verbose} shows the project's own lines down to
 * INFO (each model failure with its cause, the circuit breaker opening and closing, hybrid
 * divergences); {@code PARAKEET_LOG_LEVEL} sets every logger, as before. Closing restores the
 * levels, so one in-process run does not change the next.
 */
final class LogLevels implements AutoCloseable {

  /** The project's loggers; {@code parakeet.model} has a level of its own in {@link LogConfiguration}. */
  private static final String[] PROJECT = {"parakeet", "parakeet.model", "dev.parakeet"};

  private final Map<Logger, Level> previous = new LinkedHashMap<>();

  /** Shows the project's INFO lines, unless they are shown already. */
  void verbose() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    for (String name : PROJECT) {
      Logger logger = context.getLogger(name);
      if (!logger.isInfoEnabled() && !previous.containsKey(logger)) {
        previous.put(logger, logger.getLevel());
        logger.setLevel(Level.INFO);
      }
    }
  }

  @Override
  public void close() {
    previous.forEach(Logger::setLevel);
    previous.clear();
  }
}

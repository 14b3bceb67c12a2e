package dev.parakeet.jit.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** Every log line written while it is attached, with its stack traces, as text. */
final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Map<Logger, Level> previous = new LinkedHashMap<>();

  /** Captures everything, whatever the log configuration says. */
  LogCapture() {
    this(true);
  }

  private LogCapture(boolean everything) {
    appender.start();
    root.addAppender(appender);
    if (everything) {
      // parakeet.model has a level of its own in LogConfiguration.
      for (Logger logger : List.of(root, (Logger) LoggerFactory.getLogger("parakeet.model"))) {
        previous.put(logger, logger.getLevel());
        logger.setLevel(Level.TRACE);
      }
    }
  }

  /** Captures what would reach standard error with the levels as configured. */
  static LogCapture asConfigured() {
    return new LogCapture(false);
  }

  List<String> lines() {
    return appender.list.stream()
        .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .toList();
  }

  /** {@code WARN parakeet.model: …}, as the console pattern prints them. */
  List<String> levelled() {
    return appender.list.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    previous.forEach(Logger::setLevel);
  }
}

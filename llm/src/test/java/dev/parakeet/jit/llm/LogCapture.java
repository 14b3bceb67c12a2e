package dev.parakeet.jit.llm;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log event of every logger (ours, LangChain4j's, the JDK client's bridges) at every level
 * while it is attached: the message as formatted and any stack trace, as raw text — what an
 * appender would be handed, before any layout.
 */
final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Level previous = root.getLevel();

  LogCapture() {
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
  }

  List<String> lines() {
    synchronized (appender.list) {
      return appender.list.stream()
          .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
              + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
          .toList();
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(previous);
  }
}

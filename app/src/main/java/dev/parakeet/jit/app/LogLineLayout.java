package dev.parakeet.jit.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * One log line as {@link LogConfiguration} writes it — {@code LEVEL Logger: message}, then any stack
 * trace, both without the secrets the process knows — what the pattern
 * {@code %level %logger{0}: %scrubbedMsg%n%scrubbedEx} would write. Written out rather than parsed
 * from that pattern: the pattern parser and its converters were a third of logging's set-up, which
 * a storing command-line run pays (the SQLite driver logs through SLF4J).
 */
final class LogLineLayout extends LayoutBase<ILoggingEvent> {

  private final ScrubbedMessageConverter message = new ScrubbedMessageConverter();
  private final ScrubbedThrowableConverter trace = new ScrubbedThrowableConverter();

  @Override
  public void start() {
    message.setContext(getContext());
    message.start();
    trace.setContext(getContext());
    trace.start();
    super.start();
  }

  @Override
  public void stop() {
    super.stop();
    trace.stop();
    message.stop();
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    String logger = event.getLoggerName();
    return new StringBuilder(128)
        .append(event.getLevel())
        .append(' ')
        .append(logger, logger.lastIndexOf('.') + 1, logger.length()) // %logger{0}: the last segment
        .append(": ")
        .append(message.convert(event))
        .append(CoreConstants.LINE_SEPARATOR)
        .append(trace.convert(event))
        .toString();
  }
}

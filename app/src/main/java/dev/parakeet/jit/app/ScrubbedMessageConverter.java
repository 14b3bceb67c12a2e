package dev.parakeet.jit.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.parakeet.jit.secrets.Secrets;

/**
 * The message of a log line ({@link LogLineLayout}) without any secret the
 * process knows. The last line of defence for lines whose text never passed an adapter's border
 * (a library's own log line, a message built from a URL).
 */
public final class ScrubbedMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return Secrets.process().scrub(super.convert(event));
  }
}

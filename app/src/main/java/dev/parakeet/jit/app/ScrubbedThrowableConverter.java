package dev.parakeet.jit.app;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.parakeet.jit.secrets.Secrets;

/**
 * The stack trace of a log line ({@link LogLineLayout}), every message in it
 * without any secret the process knows (see {@link ScrubbedMessageConverter}).
 */
public final class ScrubbedThrowableConverter extends ThrowableProxyConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return Secrets.process().scrub(super.convert(event));
  }
}

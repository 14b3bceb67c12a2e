package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.parakeet.jit.fakes.KeyLeaks;
import dev.parakeet.jit.llm.LlmSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence: whatever a library logs, the lines the configured appender writes
 * (LogConfiguration, as shipped) carry no secret the process was configured with — not in the message,
 * not in any message of the stack trace.
 */
class LogOutputScrubbingTest {

  private static final String KEY = "sk-ant-api03-l0gL1neT3st-Rt5yU7iO9pA1sD3fG5hJ7kL9zX1cV3bN5mQ7wE9rT1yU3iO5pA7sD9fG1hJ3";

  @Test
  void theLinesWrittenToStandardErrorCarryNoConfiguredKey() {
    LlmSettings.from(Map.of("ANTHROPIC_API_KEY", KEY), LlmSettings.Overrides.NONE); // configures the key
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    @SuppressWarnings("unchecked")
    OutputStreamAppender<ILoggingEvent> stderr =
        (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    assertThat(stderr).as("LogConfiguration's STDERR appender").isNotNull();

    Logger library = context.getLogger("com.example.http.Client");
    Throwable failure = new IllegalStateException("rejected " + KEY, new IOException("body: {\"key\":\"" + KEY + "\"}"));
    LoggingEvent event =
        new LoggingEvent(Logger.class.getName(), library, Level.DEBUG, "sent x-api-key: {}", failure, new Object[] {KEY});
    String line = new String(stderr.getEncoder().encode(event), StandardCharsets.UTF_8);

    assertThat(line)
        .startsWith("DEBUG Client: sent x-api-key: [redacted]\n")
        .contains("java.lang.IllegalStateException: rejected [redacted]")
        .contains("Caused by: java.io.IOException: body: {\"key\":\"[redacted]\"}")
        .contains("\tat dev.parakeet.jit.app.LogOutputScrubbingTest");
    assertThat(KeyLeaks.find(line, KEY)).as(line).isNull();
  }
}

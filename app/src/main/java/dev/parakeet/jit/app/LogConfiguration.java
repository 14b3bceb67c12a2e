package dev.parakeet.jit.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The process's logging, set up in code (found by logback through {@code META-INF/services}):
 * reading an XML file costs a command-line run about a tenth of a second of CPU. Every line goes
 * to standard error (standard output carries results only) as {@code LEVEL Logger: message}, the
 * message and any stack trace without the secrets the process knows (the last line of defence;
 * {@link LogLineLayout}).
 * A model failure is told on the card (or a note) already, so {@code parakeet.model} logs only
 * errors unless {@code PARAKEET_LOG_LEVEL} (or {@code --verbose}, see {@link LogLevels}) says
 * otherwise. A {@code logback-test.xml}, {@code logback.xml} or {@code -Dlogback.configurationFile}
 * on the class path still wins: this class then stands aside for logback's own configuration.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {

  /** Sets every logger's level when given (system property or environment variable). */
  static final String LEVEL_VARIABLE = "PARAKEET_LOG_LEVEL";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || resource("logback-test.xml")
        || resource("logback.xml")) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    LogLineLayout layout = new LogLineLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();

    String level = level();
    context.getLogger("org.hibernate.validator").setLevel(Level.WARN);
    context.getLogger("org.jboss.logging").setLevel(Level.WARN);
    setLevel(context.getLogger("parakeet.model"), level, "ERROR");
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    setLevel(root, level, "WARN");
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static boolean resource(String name) {
    ClassLoader loader = LogConfiguration.class.getClassLoader();
    return loader != null && loader.getResource(name) != null;
  }

  /** As logback's {@code ${PARAKEET_LOG_LEVEL:-default}}: a system property, else the environment. */
  private static String level() {
    String value = System.getProperty(LEVEL_VARIABLE);
    return value != null ? value : System.getenv(LEVEL_VARIABLE);
  }

  /**
   * As logback's XML configuration sets a level: an absent value takes the default; a blank one
   * leaves the logger as it is; a name logback does not know means DEBUG; "INHERITED" or "NULL"
   * (any case) clear a named logger's level.
   */
  private static void setLevel(Logger logger, String value, String fallback) {
    String name = value == null ? fallback : value;
    if (name.isBlank()) {
      return;
    }
    boolean inherited = "INHERITED".equalsIgnoreCase(name) || "NULL".equalsIgnoreCase(name);
    if (inherited && !Logger.ROOT_LOGGER_NAME.equals(logger.getName())) {
      logger.setLevel(null);
    } else if (!inherited) {
      logger.setLevel(Level.toLevel(name));
    }
  }
}

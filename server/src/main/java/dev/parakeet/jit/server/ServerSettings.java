package dev.parakeet.jit.server;

import dev.parakeet.jit.engine.model.StrategySetting;
import java.time.Duration;
import java.util.Map;

/**
 * How the HTTP server runs (SPEC §10.1, §10.4), from {@code serve}'s flags and the environment;
 * flags win.
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param idleTimeout a connection with no traffic for this long is closed
 * @param bodyTimeout a request body must have arrived whole within this time, or the connection is
 *     closed: a client that sends slowly cannot hold a thread
 * @param maxModelCallsInFlight model calls allowed at once; beyond it the formula is served at once
 * @param modelCallsPerLifterPerHour model calls one lifter may cause in any hour
 * @param retryAfter what a 503 tells the client to wait
 * @param defaultStrategy when neither the request nor the lifter's setting names one
 * @param comparisonRetention hybrid comparison logs older than this are purged once a day
 */
public record ServerSettings(
    String host,
    int port,
    Duration idleTimeout,
    Duration bodyTimeout,
    int maxModelCallsInFlight,
    int modelCallsPerLifterPerHour,
    Duration retryAfter,
    StrategySetting defaultStrategy,
    Duration comparisonRetention) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  public ServerSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("the port must be 0..65535, was " + port);
    }
    positive("the idle timeout", idleTimeout);
    positive("the request body timeout", bodyTimeout);
    if (maxModelCallsInFlight < 1) {
      throw new IllegalArgumentException(
          "PARAKEET_LLM_MAX_IN_FLIGHT must be at least 1, was " + maxModelCallsInFlight);
    }
    if (modelCallsPerLifterPerHour < 0) {
      throw new IllegalArgumentException(
          "PARAKEET_LLM_CALLS_PER_LIFTER_PER_HOUR must be 0 or more, was " + modelCallsPerLifterPerHour);
    }
  }

  /**
   * @throws IllegalArgumentException naming the setting that is wrong
   */
  public static ServerSettings from(
      Map<String, String> env, String hostFlag, Integer portFlag, StrategySetting defaultStrategy) {
    String host = hostFlag != null ? hostFlag.strip() : text(env, "PARAKEET_HTTP_HOST", DEFAULT_HOST);
    int port = portFlag != null ? portFlag : (int) number(env, "PARAKEET_HTTP_PORT", DEFAULT_PORT);
    return new ServerSettings(
        host,
        port,
        Duration.ofMillis(number(env, "PARAKEET_HTTP_IDLE_TIMEOUT_MS", 30_000)),
        Duration.ofMillis(number(env, "PARAKEET_HTTP_BODY_TIMEOUT_MS", 10_000)),
        (int) number(env, "PARAKEET_LLM_MAX_IN_FLIGHT", 256),
        (int) number(env, "PARAKEET_LLM_CALLS_PER_LIFTER_PER_HOUR", 100),
        Duration.ofSeconds(number(env, "PARAKEET_HTTP_RETRY_AFTER_S", 5)),
        defaultStrategy == null ? StrategySetting.AUTO : defaultStrategy,
        Duration.ofDays(90));
  }

  private static String text(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static long number(Map<String, String> env, String name, long fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
    }
  }

  private static void positive(String what, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive, was " + value.toMillis() + " ms");
    }
  }
}

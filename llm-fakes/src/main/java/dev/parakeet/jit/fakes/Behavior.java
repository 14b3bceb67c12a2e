package dev.parakeet.jit.fakes;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link FakeProviderServer} does with one chat request. Build them with the static
 * factories; the records are public so tests can inspect what was scripted.
 *
 * <p>"Output" below is the text the model produced. Each protocol wraps it in its own success
 * envelope (see {@link FakeProviderServer}).
 */
public sealed interface Behavior
    permits Behavior.Answer,
        Behavior.Refusal,
        Behavior.Truncated,
        Behavior.Status,
        Behavior.MalformedEnvelope,
        Behavior.NeverAnswer,
        Behavior.Slow,
        Behavior.Drip {

  /** A valid adjustment: no change to the programmed session. */
  String SAMPLE_ADJUSTMENT =
      "{\"intensityModifier\":1.0,\"setModifier\":0,\"skipMainLift\":false,\"auxOverrides\":[],"
          + "\"rationale\":[\"Readiness is normal; keep the programmed sets.\"],\"confidence\":\"high\"}";

  /** {@link #SAMPLE_ADJUSTMENT} with {@code "intensityModifier": 0.10}: valid JSON, out of bounds. */
  String OUT_OF_BOUNDS_ADJUSTMENT =
      "{\"intensityModifier\":0.10,\"setModifier\":0,\"skipMainLift\":false,\"auxOverrides\":[],"
          + "\"rationale\":[\"Readiness is normal; keep the programmed sets.\"],\"confidence\":\"high\"}";

  /** Output of {@link #malformedJson()}: JSON that stops in the middle of an object. */
  String MALFORMED_JSON_OUTPUT = "{\"intensityModifier\": 0.9, \"setModifier\":";

  /** Output of {@link #prose()}: an English sentence instead of JSON. */
  String PROSE_OUTPUT =
      "Based on your readiness today, I would keep the programmed sets and lift as planned.";

  /** Output of {@link #truncated()}: the first half of {@link #SAMPLE_ADJUSTMENT}. */
  String TRUNCATED_OUTPUT = SAMPLE_ADJUSTMENT.substring(0, SAMPLE_ADJUSTMENT.length() / 2);

  /** A successful completion whose model output text is exactly {@code output}. */
  record Answer(String output) implements Behavior {
    public Answer {
      Objects.requireNonNull(output, "output");
    }
  }

  /** The provider's native refusal. */
  record Refusal() implements Behavior {}

  /** Output cut off at the token limit, with the provider's "length" stop reason. */
  record Truncated(String output) implements Behavior {
    public Truncated {
      Objects.requireNonNull(output, "output");
    }
  }

  /** An HTTP error status with the provider's real error body for it. */
  record Status(int code) implements Behavior {
    public Status {
      if (code < 400 || code > 599) {
        throw new IllegalArgumentException("status must be a 4xx or 5xx code: " + code);
      }
    }
  }

  /** HTTP 200 whose body is not JSON at all. */
  record MalformedEnvelope() implements Behavior {}

  /**
   * Read the request and send nothing; keep the connection open until the client closes it (or
   * the server is closed).
   */
  record NeverAnswer() implements Behavior {}

  /**
   * Wait {@code delay}, then behave as {@code then}. If the client closes the connection during
   * the wait, the close is recorded and nothing is sent. Server close ends the wait.
   */
  record Slow(Duration delay, Behavior then) implements Behavior {
    public Slow {
      Objects.requireNonNull(delay, "delay");
      Objects.requireNonNull(then, "then");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative: " + delay);
      }
    }
  }

  /**
   * Send {@code 200} with {@code Transfer-Encoding: chunked}, then a one-byte chunk (a space)
   * every {@code interval}, forever, until the client closes the connection (or the server is
   * closed).
   */
  record Drip(Duration interval) implements Behavior {
    public Drip {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval must be positive: " + interval);
      }
    }
  }

  /** A successful completion whose model output text is exactly {@code adjustmentJson}. */
  static Behavior answer(String adjustmentJson) {
    return new Answer(adjustmentJson);
  }

  /** {@link #answer(String)} with {@link #OUT_OF_BOUNDS_ADJUSTMENT}. */
  static Behavior outOfBounds() {
    return new Answer(OUT_OF_BOUNDS_ADJUSTMENT);
  }

  /** The model output is broken JSON ({@link #MALFORMED_JSON_OUTPUT}). */
  static Behavior malformedJson() {
    return new Answer(MALFORMED_JSON_OUTPUT);
  }

  /** The model output is an English sentence instead of JSON ({@link #PROSE_OUTPUT}). */
  static Behavior prose() {
    return new Answer(PROSE_OUTPUT);
  }

  /** The provider's native refusal. */
  static Behavior refusal() {
    return new Refusal();
  }

  /** Output cut off at the token limit: {@link #TRUNCATED_OUTPUT} and a length stop reason. */
  static Behavior truncated() {
    return new Truncated(TRUNCATED_OUTPUT);
  }

  /** An HTTP error with the provider's real error body for {@code code}. */
  static Behavior status(int code) {
    return new Status(code);
  }

  /** HTTP 200 whose body is not JSON at all. */
  static Behavior malformedEnvelope() {
    return new MalformedEnvelope();
  }

  /** Read the request, send nothing, hold the connection until the client closes it. */
  static Behavior neverAnswer() {
    return new NeverAnswer();
  }

  /** Wait {@code delay} (interruptible by server close), then behave as {@code then}. */
  static Behavior slow(Duration delay, Behavior then) {
    return new Slow(delay, then);
  }

  /** A 200 with a chunked body that sends one space every {@code interval}, forever. */
  static Behavior drip(Duration interval) {
    return new Drip(interval);
  }
}

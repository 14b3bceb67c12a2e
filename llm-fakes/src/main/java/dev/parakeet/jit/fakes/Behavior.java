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
        Behavior.Raw,
        Behavior.NeverAnswer,
        Behavior.Slow,
        Behavior.Drip,
        Behavior.Trickle,
        Behavior.EchoKey {

  /**
   * In a behavior wrapped by {@link #echoingKey}, stands for the credential the request carried:
   * its {@code x-api-key}, or the token of its {@code Authorization: Bearer} header (empty when
   * there was none). A hostile provider that copies the key into its answer.
   */
  String KEY = "{{request-key}}";

  /**
   * Like {@link #KEY}, with every character of the credential written as a JSON unicode escape
   * (backslash, {@code u}, four hex digits): inside a JSON string it decodes to the key, but the
   * text never contains the key literally.
   */
  String KEY_JSON_ESCAPED = "{{request-key:json-escaped}}";

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

  /**
   * The provider's native refusal.
   *
   * @param text what the model said; null for the provider's usual words
   */
  record Refusal(String text) implements Behavior {
    /** The provider's usual refusal. */
    public Refusal() {
      this(null);
    }
  }

  /** Output cut off at the token limit, with the provider's "length" stop reason. */
  record Truncated(String output) implements Behavior {
    public Truncated {
      Objects.requireNonNull(output, "output");
    }
  }

  /**
   * An HTTP error status with the provider's real error body for it.
   *
   * @param message the error message in that body; null for the provider's usual one
   */
  record Status(int code, String message) implements Behavior {
    public Status {
      if (code < 400 || code > 599) {
        throw new IllegalArgumentException("status must be a 4xx or 5xx code: " + code);
      }
    }

    /** The provider's usual error body for {@code code}. */
    public Status(int code) {
      this(code, null);
    }
  }

  /** HTTP 200 whose body is not JSON at all. */
  record MalformedEnvelope() implements Behavior {}

  /**
   * Exactly this response, whatever the protocol: for bodies no well-behaved provider sends (an
   * error page of a proxy, an error body written by hand).
   */
  record Raw(int status, String contentType, String body) implements Behavior {
    public Raw {
      if (status < 200 || status > 599) {
        throw new IllegalArgumentException("status must be 200-599: " + status);
      }
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(body, "body");
    }
  }

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

  /**
   * The complete response of {@code then}, sent with {@code Transfer-Encoding: chunked} {@code
   * chunkBytes} bytes at a time, {@code interval} apart: an answer that arrives in pieces (a key
   * in it is split across chunks). {@code then} must be a behavior that answers at once.
   */
  record Trickle(Behavior then, int chunkBytes, Duration interval) implements Behavior {
    public Trickle {
      Objects.requireNonNull(then, "then");
      Objects.requireNonNull(interval, "interval");
      if (then instanceof NeverAnswer || then instanceof Slow || then instanceof Drip || then instanceof Trickle) {
        throw new IllegalArgumentException("a trickle sends a complete response, not " + then);
      }
      if (chunkBytes < 1) {
        throw new IllegalArgumentException("chunkBytes must be positive: " + chunkBytes);
      }
      if (interval.isNegative()) {
        throw new IllegalArgumentException("interval must not be negative: " + interval);
      }
    }
  }

  /**
   * {@code then}, with {@link #KEY} and {@link #KEY_JSON_ESCAPED} in its texts (output, refusal,
   * error message, raw body) replaced by the credential of the request being answered. Without
   * this wrapper the fake never copies a request header into a response.
   */
  record EchoKey(Behavior then) implements Behavior {
    public EchoKey {
      Objects.requireNonNull(then, "then");
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

  /** The provider's native refusal, in these words. */
  static Behavior refusal(String text) {
    return new Refusal(Objects.requireNonNull(text, "text"));
  }

  /** Output cut off at the token limit: {@link #TRUNCATED_OUTPUT} and a length stop reason. */
  static Behavior truncated() {
    return new Truncated(TRUNCATED_OUTPUT);
  }

  /** An HTTP error with the provider's real error body for {@code code}. */
  static Behavior status(int code) {
    return new Status(code);
  }

  /** An HTTP error with the provider's real error body for {@code code}, saying {@code message}. */
  static Behavior status(int code, String message) {
    return new Status(code, Objects.requireNonNull(message, "message"));
  }

  /** Exactly this status, content type and body. */
  static Behavior raw(int status, String contentType, String body) {
    return new Raw(status, contentType, body);
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

  /** The response of {@code then}, {@code chunkBytes} bytes at a time, {@code interval} apart. */
  static Behavior trickle(Behavior then, int chunkBytes, Duration interval) {
    return new Trickle(then, chunkBytes, interval);
  }

  /** {@code then}, with {@link #KEY} and {@link #KEY_JSON_ESCAPED} replaced by the request's credential. */
  static Behavior echoingKey(Behavior then) {
    return new EchoKey(then);
  }
}

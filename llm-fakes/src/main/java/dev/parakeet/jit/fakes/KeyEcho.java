package dev.parakeet.jit.fakes;

import java.util.Locale;

/**
 * What a {@link Behavior.EchoKey hostile provider} does with the request's credential: it puts it
 * wherever the scripted texts say {@link Behavior#KEY} or {@link Behavior#KEY_JSON_ESCAPED}.
 */
final class KeyEcho {

  private static final String BEARER = "bearer ";

  private KeyEcho() {}

  /** The credential the request carried: {@code x-api-key}, else the bearer token; empty if none. */
  static String credential(RecordedRequest request) {
    String key = request.header("x-api-key");
    if (key != null) {
      return key;
    }
    String authorization = request.header("authorization");
    if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return authorization.substring(BEARER.length()).strip();
    }
    return "";
  }

  /** {@code behavior} with every {@link Behavior.EchoKey} in it filled in with {@code key}. */
  static Behavior resolve(Behavior behavior, String key) {
    if (behavior instanceof Behavior.EchoKey echo) {
      return fill(echo.then(), key);
    }
    if (behavior instanceof Behavior.Slow slow) {
      return new Behavior.Slow(slow.delay(), resolve(slow.then(), key));
    }
    if (behavior instanceof Behavior.Trickle trickle) {
      return new Behavior.Trickle(resolve(trickle.then(), key), trickle.chunkBytes(), trickle.interval());
    }
    return behavior;
  }

  /** {@code behavior} with the placeholders in all its texts replaced. */
  private static Behavior fill(Behavior behavior, String key) {
    if (behavior instanceof Behavior.Answer answer) {
      return new Behavior.Answer(text(answer.output(), key));
    }
    if (behavior instanceof Behavior.Truncated truncated) {
      return new Behavior.Truncated(text(truncated.output(), key));
    }
    if (behavior instanceof Behavior.Refusal refusal) {
      return new Behavior.Refusal(text(refusal.text(), key));
    }
    if (behavior instanceof Behavior.Status status) {
      return new Behavior.Status(status.code(), text(status.message(), key));
    }
    if (behavior instanceof Behavior.Raw raw) {
      return new Behavior.Raw(raw.status(), raw.contentType(), text(raw.body(), key));
    }
    if (behavior instanceof Behavior.Slow slow) {
      return new Behavior.Slow(slow.delay(), fill(slow.then(), key));
    }
    if (behavior instanceof Behavior.Trickle trickle) {
      return new Behavior.Trickle(fill(trickle.then(), key), trickle.chunkBytes(), trickle.interval());
    }
    if (behavior instanceof Behavior.EchoKey echo) {
      return fill(echo.then(), key);
    }
    return behavior; // no text of its own
  }

  private static String text(String text, String key) {
    if (text == null) {
      return null;
    }
    return text.replace(Behavior.KEY_JSON_ESCAPED, jsonEscaped(key)).replace(Behavior.KEY, key);
  }

  /** Every character as a JSON unicode escape. */
  static String jsonEscaped(String text) {
    StringBuilder escaped = new StringBuilder(text.length() * 6);
    for (int i = 0; i < text.length(); i++) {
      escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) text.charAt(i)));
    }
    return escaped.toString();
  }
}

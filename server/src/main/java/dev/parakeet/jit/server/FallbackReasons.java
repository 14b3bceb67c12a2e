package dev.parakeet.jit.server;

import dev.parakeet.jit.engine.port.ModelCallException;

/** The kind of a {@code fallbackReason} ("timeout: no answer within 5000 ms" is {@code timeout}). */
final class FallbackReasons {

  private FallbackReasons() {}

  /** One of {@link ModelCallException.Kind}'s wire names, or {@code other}: a bounded label. */
  static String kind(String reason) {
    if (reason != null) {
      int colon = reason.indexOf(':');
      String prefix = colon < 0 ? reason : reason.substring(0, colon);
      for (ModelCallException.Kind kind : ModelCallException.Kind.values()) {
        if (kind.wire().equals(prefix)) {
          return prefix;
        }
      }
    }
    return "other";
  }
}

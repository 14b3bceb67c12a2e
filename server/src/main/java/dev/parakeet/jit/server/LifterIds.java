package dev.parakeet.jit.server;

import dev.parakeet.jit.engine.validation.Violation;
import java.util.List;

/**
 * The rules of a lifter id from outside the body (a token's {@code sub}, a path): those of the
 * input's {@code lifterId} (SPEC §1.2) — 1 to 200 characters, not blank, no control characters —
 * since it becomes a stored lifter id.
 */
final class LifterIds {

  static final int MAX_CODE_POINTS = 200;

  private LifterIds() {}

  /** Empty when {@code value} is a lifter id; else the one violation, at {@code path}. */
  static List<Violation> violations(String path, String value) {
    if (value == null || value.isBlank()) {
      return List.of(new Violation(path, "must not be blank"));
    }
    if (value.codePointCount(0, value.length()) > MAX_CODE_POINTS) {
      return List.of(new Violation(path, "must be at most " + MAX_CODE_POINTS + " characters"));
    }
    if (value.codePoints().anyMatch(cp -> Character.isISOControl(cp) || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE))) {
      return List.of(new Violation(path, "must not contain control characters or lone surrogates"));
    }
    return List.of();
  }
}

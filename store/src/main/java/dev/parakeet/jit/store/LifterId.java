package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.model.JitInput;

/**
 * Who a session belongs to. The input has no lifter field; the app sends it as an extra top-level
 * {@code lifterId}, kept in the input's extras. Anything but a string there is not an id.
 */
public final class LifterId {

  public static final String FIELD = "lifterId";

  private LifterId() {}

  /** The lifter of {@code input}, or null when the input does not say. */
  public static String of(JitInput input) {
    return input.extras().get(FIELD) instanceof String id && !id.isBlank() ? id : null;
  }
}

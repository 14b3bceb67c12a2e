package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.model.JitInput;

/** Who a session belongs to: the input's {@code lifterId} (SPEC §1.2), or null when it does not say. */
public final class LifterId {

  private LifterId() {}

  public static String of(JitInput input) {
    return input.lifterId();
  }
}

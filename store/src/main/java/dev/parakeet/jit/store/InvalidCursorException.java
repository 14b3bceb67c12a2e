package dev.parakeet.jit.store;

/** A pagination cursor this store did not hand out (or one for another listing). */
public final class InvalidCursorException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  InvalidCursorException() {
    super("invalid cursor");
  }
}

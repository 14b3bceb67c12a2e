package dev.parakeet.jit.wire;

/**
 * The streaming binder met something it does not accept on its own: the document goes to the
 * thorough path, which decides and names every violation. Shared and without a stack trace, because
 * it is control flow, not an error.
 */
final class Detour extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final Detour INSTANCE = new Detour();

  private Detour() {
    super("the document needs the thorough path", null, false, false);
  }
}

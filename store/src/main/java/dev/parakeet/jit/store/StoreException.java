package dev.parakeet.jit.store;

/**
 * What callers see on any storage failure. The message is one line and never contains a password:
 * it is built by {@link Failures}, which strips credentials and line breaks from whatever the
 * driver said.
 */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  StoreException(String message) {
    super(message);
  }

  StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

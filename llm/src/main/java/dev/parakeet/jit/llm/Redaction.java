package dev.parakeet.jit.llm;

/**
 * Copies of exceptions that are safe to log: the same classes' names, messages and stack traces,
 * with the credential removed from every message in the chain. A provider or proxy that echoes a
 * request header back in an error body must not put an API key into a log line.
 */
final class Redaction {

  private Redaction() {}

  static Throwable scrub(Throwable original, Secret secret) {
    if (original == null) {
      return null;
    }
    Throwable copy =
        new ScrubbedException(
            original.getClass().getName(),
            message(original.getMessage(), secret),
            scrub(original.getCause() == original ? null : original.getCause(), secret));
    copy.setStackTrace(original.getStackTrace());
    return copy;
  }

  static String message(String text, Secret secret) {
    return secret == null || text == null ? text : secret.redact(text);
  }

  /** Stands in for an exception of another class; prints as that class. */
  static final class ScrubbedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String originalClass;

    ScrubbedException(String originalClass, String message, Throwable cause) {
      super(message, cause);
      this.originalClass = originalClass;
    }

    @Override
    public String toString() {
      String message = getLocalizedMessage();
      return message == null ? originalClass : originalClass + ": " + message;
    }
  }
}

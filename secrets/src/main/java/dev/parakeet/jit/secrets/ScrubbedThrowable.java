package dev.parakeet.jit.secrets;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Stands in for an exception of another class, with its message scrubbed: prints as that class,
 * with the same stack trace, causes and suppressed exceptions.
 */
final class ScrubbedThrowable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String originalClass;

  private ScrubbedThrowable(String originalClass, String message, Throwable cause) {
    super(message, cause, true, true);
    this.originalClass = originalClass;
  }

  static Throwable copy(Throwable original, Scrubber scrubber) {
    return copy(original, scrubber, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static Throwable copy(Throwable original, Scrubber scrubber, Set<Throwable> seen) {
    if (original == null || !seen.add(original)) {
      return null; // the end of the chain, or a cycle in it
    }
    String className =
        original instanceof ScrubbedThrowable scrubbed ? scrubbed.originalClass : original.getClass().getName();
    ScrubbedThrowable copy =
        new ScrubbedThrowable(
            className, scrubber.scrub(original.getMessage()), copy(original.getCause(), scrubber, seen));
    copy.setStackTrace(original.getStackTrace());
    for (Throwable suppressed : original.getSuppressed()) {
      Throwable scrubbed = copy(suppressed, scrubber, seen);
      if (scrubbed != null) {
        copy.addSuppressed(scrubbed);
      }
    }
    return copy;
  }

  @Override
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? originalClass : originalClass + ": " + message;
  }
}

package dev.parakeet.jit.secrets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every secret configured in this process, and the one place that removes them from text.
 *
 * <p>Whoever reads a secret from configuration registers it here ({@link #register}): the
 * provider API keys, the database password, later a JWT secret or service keys. Whatever comes
 * from outside — a provider's answer, its error body, an exception chain — passes through
 * {@link #scrub(String)} or {@link #scrub(Throwable)} where it enters the system, before it is
 * printed, logged, stored or returned; the log output passes through it once more as a last line
 * of defence.
 *
 * <p>What "removed" means depends on the secret's length (a blank value is "not configured"):
 *
 * <ul>
 *   <li>12 characters or more (API keys, real passwords): wherever it
 *       occurs, inside longer tokens too, in any letter case, with whitespace between its
 *       characters, with any of its characters written as a JSON unicode escape or a URL percent
 *       escape; and any run of 16 or more of its consecutive characters
 *       (a key cut short by a message's length limit still gives most of it away).
 *   <li>4 to 11 characters: exactly as written,
 *       where it stands as a word of its own — a password {@code postgres} is removed from {@code
 *       password=postgres} but {@code jdbc:postgresql} stays readable.
 *   <li>Shorter: never printed by its {@link Secret}, but not removed from text, where it cannot
 *       be told from ordinary words.
 * </ul>
 *
 * <p>Thread-safe: registering replaces an immutable scrubber, which scrubbing reads without a
 * lock.
 */
public final class Secrets {

  /** What stands in for a removed secret. */
  public static final String REDACTED = "[redacted]";

  private static final Secrets PROCESS = new Secrets();

  private final Map<String, Secret> registered = new LinkedHashMap<>(); // guarded by this
  private volatile Scrubber scrubber = Scrubber.EMPTY;

  /** The secrets of this process: the registry every module and the log output share. */
  public static Secrets process() {
    return PROCESS;
  }

  /** A registry of its own, knowing nothing yet (for tests). */
  public Secrets() {}

  /**
   * Registers a configured secret (surrounding whitespace is not part of it).
   *
   * @return the secret, or null when {@code value} is null or blank: not configured
   */
  public synchronized Secret register(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    Secret secret = registered.get(stripped);
    if (secret == null) {
      secret = new Secret(stripped);
      registered.put(stripped, secret);
      Redactor redactor = Scrubber.redactorOf(stripped);
      if (redactor != null) {
        scrubber = scrubber.with(redactor);
      }
    }
    return secret;
  }

  /** {@code text} without any registered secret; null stays null. */
  public String scrub(String text) {
    return scrubber.scrub(text);
  }

  /**
   * A copy of {@code failure} that is safe to log: the same class names, stack traces, causes and
   * suppressed exceptions, every message scrubbed. Null stays null.
   */
  public Throwable scrub(Throwable failure) {
    return ScrubbedThrowable.copy(failure, scrubber);
  }
}

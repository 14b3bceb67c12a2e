package dev.parakeet.jit.llm;

/**
 * A credential. It never prints itself: {@link #toString()} is redacted, and {@link #redact}
 * removes it from any text that is about to be logged or shown. Only the client builder calls
 * {@link #reveal()}.
 */
public final class Secret {

  static final String REDACTED = "[redacted]";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** A secret, or null when {@code value} is null or blank (not configured). */
  public static Secret of(String value) {
    return value == null || value.isBlank() ? null : new Secret(value.strip());
  }

  String reveal() {
    return value;
  }

  /** {@code text} with every occurrence of this secret replaced. */
  String redact(String text) {
    return text == null ? null : text.replace(value, REDACTED);
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}

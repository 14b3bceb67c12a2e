package dev.parakeet.jit.secrets;

/**
 * A configured credential. It never prints itself ({@link #toString()} is redacted), and it only
 * exists registered: {@link Secrets#register} makes it, so whatever holds one, the scrubber knows
 * its value.
 */
public final class Secret {

  private final String value;

  Secret(String value) {
    this.value = value;
  }

  /** The value, for the one place that has to send it (a client's authentication header). */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return Secrets.REDACTED;
  }
}

package dev.parakeet.jit.engine.port;

import dev.parakeet.jit.engine.model.WireEnum;

/**
 * Why a model's answer could not be used. The message is one line for people and logs and never
 * contains a credential; adapters put the technical cause in {@link #getCause()}.
 */
public final class ModelCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The kinds of failure that make the LLM strategy fall back to the formula (SPEC §5.2). */
  public enum Kind implements WireEnum {
    NOT_CONFIGURED,
    TIMEOUT,
    CONNECTION,
    HTTP_STATUS,
    REFUSAL,
    TRUNCATED,
    MALFORMED,
    OUT_OF_BOUNDS,
    INTERRUPTED,
    UNEXPECTED,
    /** Not asked: as many model calls as allowed are already in flight (a server's limit). */
    OVER_CAPACITY,
    /** Not asked: the lifter has used its model calls for the hour (a server's budget). */
    OVER_BUDGET
  }

  private final Kind kind;

  public ModelCallException(Kind kind, String message) {
    this(kind, message, null);
  }

  public ModelCallException(Kind kind, String message, Throwable cause) {
    super(oneLine(message), cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** {@code "timeout: no answer within 5000 ms"} — the {@code fallbackReason} of an output. */
  public String reason() {
    return kind.wire() + ": " + getMessage();
  }

  private static String oneLine(String message) {
    String line = message == null ? "" : message.replaceAll("\\s+", " ").strip();
    return line.length() > 300 ? line.substring(0, 297) + "..." : line;
  }
}

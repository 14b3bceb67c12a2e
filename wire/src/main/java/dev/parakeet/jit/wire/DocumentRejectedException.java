package dev.parakeet.jit.wire;

import dev.parakeet.jit.engine.validation.Violation;
import java.util.List;

/**
 * A JSON document that was rejected as a whole, with every violation by path. Nothing was
 * generated and nothing was stored.
 */
public final class DocumentRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What was wrong, from the most basic: not JSON at all, the wrong shape, values out of bounds. */
  public enum Stage {
    /** Not a JSON document of acceptable size (malformed, truncated, empty, too large). */
    SYNTAX,
    /** JSON, but not of the expected shape: wrong types, unknown enum values or fields. */
    STRUCTURE,
    /** The right shape, but values outside their bounds or inconsistent with each other. */
    BOUNDS
  }

  private final Stage stage;
  private final transient List<Violation> violations;

  public DocumentRejectedException(String what, Stage stage, List<Violation> violations) {
    super(summary(what, violations));
    this.stage = stage;
    this.violations = List.copyOf(violations);
  }

  /** A document over the size limit of {@link JitJson#MAX_DOCUMENT_BYTES}, rejected unread. */
  public static DocumentRejectedException oversized(String what, long bytes) {
    return new DocumentRejectedException(
        what,
        Stage.SYNTAX,
        List.of(
            new Violation(
                Violation.ROOT,
                "document is " + bytes + " bytes; the limit is 1 MiB (" + JitJson.MAX_DOCUMENT_BYTES
                    + " bytes)")));
  }

  /** The most basic stage at which the document failed. */
  public Stage stage() {
    return stage;
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String summary(String what, List<Violation> violations) {
    StringBuilder text =
        new StringBuilder(what)
            .append(" rejected: ")
            .append(violations.size())
            .append(violations.size() == 1 ? " violation" : " violations");
    for (Violation violation : violations) {
      text.append("\n  ").append(violation);
    }
    return text.toString();
  }
}

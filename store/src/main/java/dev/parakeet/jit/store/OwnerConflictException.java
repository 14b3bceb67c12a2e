package dev.parakeet.jit.store;

/**
 * A generation for a session that belongs to another lifter: a session's lifter, once known, never
 * changes, so nothing was written. (Two lifters creating the same new session at once: one wins,
 * the other gets this.)
 */
public final class OwnerConflictException extends StoreException {

  private static final long serialVersionUID = 1L;

  private final String sessionId;

  /** @param sessionId the session, or null when a group of several did not say which */
  OwnerConflictException(String sessionId) {
    super(sessionId == null
        ? "a session of the group belongs to another lifter; nothing was written"
        : "session " + sessionId + " belongs to another lifter; nothing was written");
    this.sessionId = sessionId;
  }

  /** The session, or null when a group of several did not say which. */
  public String sessionId() {
    return sessionId;
  }
}

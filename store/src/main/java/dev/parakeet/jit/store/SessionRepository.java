package dev.parakeet.jit.store;

import java.util.List;
import java.util.Optional;

/** Stored sessions and their append-only generation history (SPEC §8). */
public interface SessionRepository {

  /**
   * Records one generation in ONE transaction, durable when this returns: inserts or updates the
   * sessions row, appends the generation to the history and writes its decision record, if any.
   * The first generation of a session is revision 1.
   *
   * @throws OwnerConflictException when the session belongs to another lifter: a session's lifter
   *     never changes, and nothing is written
   */
  StoredGeneration record(GenerationToStore generation);

  /**
   * A batch that records many generations in input order, grouped in transactions, on a writer
   * thread of its own; {@code listener} hears of each item once it is committed. Close it.
   */
  <T> SessionBatch<T> batch(BatchPolicy policy, BatchListener<T> listener);

  /**
   * Who the session belongs to, without reading the session: one indexed lookup, for ownership
   * checks. Empty when there is no such session.
   */
  Optional<SessionOwner> owner(String sessionId);

  /** The session with its whole history, oldest first. */
  Optional<StoredSession> find(String sessionId);

  /** At most {@code limit} sessions, most recently updated first. */
  List<SessionSummary> list(int limit);

  /**
   * A page of sessions, most recently updated first (ties by session id), optionally only one
   * lifter's. A session regenerated while a client pages moves to the front: it is not repeated,
   * and the client sees it again only from the first page.
   *
   * @param lifterId only this lifter's sessions, or null for everyone's
   * @param limit 1..{@link Page#MAX_LIMIT}
   * @param cursor null for the first page, else the {@link Page#nextCursor()} of the previous one
   * @throws InvalidCursorException when the cursor was not made by this listing
   */
  Page<SessionSummary> page(String lifterId, int limit, String cursor);
}

package dev.parakeet.jit.store;

import java.util.List;
import java.util.Optional;

/** Stored sessions and their append-only generation history (SPEC §8). */
public interface SessionRepository {

  /**
   * Records one generation in ONE transaction: inserts or updates the sessions row and appends the
   * generation to the history. The first generation of a session is revision 1.
   */
  StoredGeneration record(GenerationToStore generation);

  /** The session with its whole history, oldest first. */
  Optional<StoredSession> find(String sessionId);

  /** At most {@code limit} sessions, most recently updated first. */
  List<SessionSummary> list(int limit);
}

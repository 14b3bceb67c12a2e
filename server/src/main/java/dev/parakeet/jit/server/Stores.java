package dev.parakeet.jit.server;

import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.store.SessionSummary;
import dev.parakeet.jit.store.StoreException;
import dev.parakeet.jit.store.StoredComparison;
import dev.parakeet.jit.store.StoredSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's calls to the database, each timed for {@code /metrics}. A {@link StoreException}
 * becomes a 503 with {@code Retry-After} (the handler that generated a session adds it to the
 * problem), so a failing database never looks like a bad request or a defect.
 */
final class Stores {

  private static final Logger LOG = LoggerFactory.getLogger("parakeet.server");

  private final Database database;
  private final ServerMetrics metrics;
  private final long retryAfterSeconds;

  Stores(Database database, ServerMetrics metrics, long retryAfterSeconds) {
    this.database = database;
    this.metrics = metrics;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  void record(GenerationToStore generation) {
    call("record", () -> database.sessions().record(generation));
  }

  Optional<StoredSession> findSession(String sessionId) {
    return call("find_session", () -> database.sessions().find(sessionId));
  }

  List<SessionSummary> listSessions(int limit) {
    return call("list_sessions", () -> database.sessions().list(limit));
  }

  List<StoredComparison> recentComparisons(int limit) {
    return call("list_comparisons", () -> database.comparisons().recent(limit));
  }

  int purgeComparisons(Instant cutoff) {
    return call("purge_comparisons", () -> database.comparisons().purgeOlderThan(cutoff));
  }

  /** Whether the database answers a query now (readiness). */
  boolean reachable() {
    try {
      call("ping", () -> database.sessions().list(0));
      return true;
    } catch (ApiProblem e) {
      return false;
    }
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  private <T> T call(String operation, java.util.function.Supplier<T> call) {
    try {
      return metrics.database(operation, call);
    } catch (StoreException e) {
      // The cause goes to the log; the client learns only that the store failed (no host names).
      LOG.warn("database {} failed: {}", operation, e.getMessage());
      throw Problems.storeUnavailable("the session store failed; try again later", retryAfterSeconds);
    }
  }

  /** The database's own description (never a password), for the start-up line. */
  String describe() {
    return database.describe();
  }
}

package dev.parakeet.jit.server;

import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.store.ComparisonSummary;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.store.InvalidCursorException;
import dev.parakeet.jit.store.LifterSetting;
import dev.parakeet.jit.store.OwnerConflictException;
import dev.parakeet.jit.store.Page;
import dev.parakeet.jit.store.SessionOwner;
import dev.parakeet.jit.store.SessionSummary;
import dev.parakeet.jit.store.StoreException;
import dev.parakeet.jit.store.StoredComparison;
import dev.parakeet.jit.store.StoredDecision;
import dev.parakeet.jit.store.StoredSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's calls to the database, each timed for {@code /metrics}. A {@link StoreException}
 * becomes a 503 with {@code Retry-After} (the handler that generated a session adds it to the
 * problem), so a failing database never looks like a bad request or a defect. A cursor the store
 * did not hand out is a 400 at {@code cursor}.
 */
final class Stores implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("parakeet.server");

  private final Database database;
  private final ServerMetrics metrics;
  private final long retryAfterSeconds;
  private final GroupCommit groupCommit;

  Stores(Database database, ServerMetrics metrics, long retryAfterSeconds) {
    this.database = database;
    this.metrics = metrics;
    this.retryAfterSeconds = retryAfterSeconds;
    this.groupCommit = new GroupCommit(database.sessions());
  }

  /**
   * Returns once the generation is committed, in a transaction shared with the other requests
   * recording at the same time ({@link GroupCommit}).
   *
   * @throws OwnerConflictException when the session belongs to another lifter (nothing written)
   */
  void record(GenerationToStore generation) {
    call("record", () -> {
      groupCommit.record(generation);
      return null;
    });
  }

  Optional<SessionOwner> owner(String sessionId) {
    return call("find_owner", () -> database.sessions().owner(sessionId));
  }

  Optional<StoredSession> findSession(String sessionId) {
    return call("find_session", () -> database.sessions().find(sessionId));
  }

  List<StoredDecision> decisions(String sessionId) {
    return call("find_decisions", () -> database.decisions().forSession(sessionId));
  }

  Page<SessionSummary> sessions(String lifterId, int limit, String cursor) {
    return call("list_sessions", () -> database.sessions().page(lifterId, limit, cursor));
  }

  Page<StoredComparison> comparisons(Boolean surfaced, Instant since, int limit, String cursor) {
    return call("list_comparisons", () -> database.comparisons().page(surfaced, since, limit, cursor));
  }

  ComparisonSummary comparisonSummary(Instant since) {
    return call("summarise_comparisons", () -> database.comparisons().summary(since));
  }

  int purgeComparisons(Instant cutoff) {
    return call("purge_comparisons", () -> database.comparisons().purgeOlderThan(cutoff));
  }

  Optional<LifterSetting> lifterSetting(String lifterId) {
    return call("find_lifter_setting", () -> database.lifterSettings().find(lifterId));
  }

  LifterSetting putLifterSetting(String lifterId, StrategySetting setting) {
    return call("put_lifter_setting", () -> database.lifterSettings().put(lifterId, setting));
  }

  /** Readiness: the database answers and its schema is the one this build ships. */
  boolean ready() {
    try {
      call("ready", () -> {
        database.checkReady();
        return null;
      });
      return true;
    } catch (ApiProblem e) {
      return false;
    }
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  private <T> T call(String operation, Supplier<T> call) {
    try {
      return metrics.database(operation, call);
    } catch (OwnerConflictException e) {
      throw e;
    } catch (InvalidCursorException e) {
      throw Problems.invalidParameter("cursor", "is not a cursor this server issued for this listing");
    } catch (StoreException e) {
      // The cause goes to the log; the client learns only that the store failed (no host names).
      LOG.warn("database {} failed: {}", operation, e.getMessage());
      throw Problems.storeUnavailable("the session store failed; try again later", retryAfterSeconds);
    }
  }

  /** Commits what requests have queued and stops the group commit's writer (before the database closes). */
  @Override
  public void close() {
    groupCommit.close();
  }

  /** The database's own description (never a password), for the start-up line. */
  String describe() {
    return database.describe();
  }
}

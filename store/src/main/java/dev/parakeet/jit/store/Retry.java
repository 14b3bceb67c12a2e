package dev.parakeet.jit.store;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteException;

/**
 * Runs a whole transaction again when the database said "busy, try again". The busy timeout and
 * {@code BEGIN IMMEDIATE} should make this rare on SQLite; it remains the backstop for the cases
 * they do not cover (a WAL checkpoint or recovery by another process, the busy handler giving up
 * under heavy contention). On PostgreSQL the equivalents are serialization failures and deadlocks.
 * Anything else fails at once: retrying a constraint violation only repeats it.
 */
final class Retry {

  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

  static final int MAX_ATTEMPTS = 8;
  private static final long FIRST_BACKOFF_MS = 10;
  private static final long MAX_BACKOFF_MS = 1_000;

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;

  private Retry() {}

  /** {@code failures} scrubs the driver's words before they are logged. */
  static <T> T transaction(Failures failures, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (attempt >= MAX_ATTEMPTS || !isTransient(e)) {
          throw e;
        }
        long backoff = backoff(attempt);
        // Worth a warning: the busy timeout should have absorbed this.
        LOG.warn("database busy (attempt {} of {}: {}); retrying in {} ms",
            attempt, MAX_ATTEMPTS, failures.line(e), backoff);
        sleep(backoff);
      }
    }
  }

  static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite) {
        int primary = sqlite.getResultCode().code & 0xff; // extended codes keep the primary low
        if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
          return true;
        }
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) {
          return true;
        }
        String message = sql.getMessage();
        if (message != null
            && (message.contains("SQLITE_BUSY") || message.contains("database is locked"))) {
          return true;
        }
      }
    }
    return false;
  }

  // Exponential with full jitter, so that two processes that collided do not collide again.
  private static long backoff(int attempt) {
    long ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << (attempt - 1));
    return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}

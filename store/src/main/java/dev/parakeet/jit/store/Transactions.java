package dev.parakeet.jit.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a unit of work in one write transaction, retried whole by {@link Retry} when the database
 * was busy, and runs reads with the same retry. What still fails once the retries are over is
 * thrown as a {@link StoreException} made by {@link Failures}, its message starting with the
 * caller's {@code what} (e.g. "could not list sessions").
 *
 * <p>On SQLite the transaction is opened with an explicit {@code BEGIN IMMEDIATE} on a connection
 * left in auto-commit mode, and closed with {@code COMMIT}. The JDBC route
 * ({@code setAutoCommit(false)} … {@code commit()}) is not used for our writes because sqlite-jdbc's
 * {@code commit()} issues the next {@code BEGIN IMMEDIATE} straight after {@code COMMIT}: under
 * contention that second statement can fail with SQLITE_BUSY after the data was committed, and a
 * retry would then record the generation twice. With explicit statements a failure means nothing
 * was committed, so retrying is safe. (The connections still carry {@code transaction_mode=IMMEDIATE}
 * for JDBC-level transactions, such as Flyway's.)
 */
final class Transactions {

  private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

  private final Vendor vendor;
  private final Jdbi jdbi;
  private final HikariDataSource dataSource;
  private final Failures failures;

  Transactions(Vendor vendor, Jdbi jdbi, HikariDataSource dataSource, Failures failures) {
    this.vendor = vendor;
    this.jdbi = jdbi;
    this.dataSource = dataSource;
    this.failures = failures;
  }

  /** {@code what} begins the failure's message: "could not record session sess-1: ...". */
  <T> T write(String what, HandleCallback<T, RuntimeException> work) {
    return run(what,
        () -> vendor == Vendor.SQLITE ? jdbi.withHandle(h -> sqliteWrite(h, work)) : jdbi.inTransaction(work));
  }

  /**
   * As {@link #write}, for an operation that may rightly take minutes (a purge of a large table):
   * the connection's socket timeout is lifted to {@link Timeouts#LONG_OPERATION_MS} for it.
   */
  <T> T longWrite(String what, HandleCallback<T, RuntimeException> work) {
    return write(what, handle -> {
      allowLongOperation(handle.getConnection(), vendor);
      return work.withHandle(handle);
    });
  }

  /** {@code what} begins the failure's message: "could not list sessions: ...". */
  <T> T read(String what, HandleCallback<T, RuntimeException> work) {
    return run(what, () -> jdbi.withHandle(work));
  }

  /**
   * Several reads that must agree with each other (a summary): one read-only transaction, so they
   * all see the database as it was at the first of them.
   */
  <T> T snapshot(String what, HandleCallback<T, RuntimeException> work) {
    return run(what, () -> vendor == Vendor.SQLITE
        ? jdbi.withHandle(h -> sqliteSnapshot(h, work))
        : jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, work));
  }

  /**
   * Lifts the socket timeout of one PostgreSQL connection for a long operation; the pool restores
   * it when the connection comes back. (SQLite has no socket to time out.)
   */
  static void allowLongOperation(Connection connection, Vendor vendor) {
    if (vendor == Vendor.POSTGRESQL) {
      try {
        connection.setNetworkTimeout(Runnable::run, Timeouts.LONG_OPERATION_MS);
      } catch (SQLException e) {
        throw new IllegalStateException("could not lift the socket timeout", e);
      }
    }
  }

  // The wrap is outside the retries: every attempt sees the raw failure, so that Retry can tell
  // a busy database from the rest, and only the last one becomes a StoreException.
  private <T> T run(String what, Supplier<T> attempt) {
    try {
      return Retry.transaction(failures, attempt);
    } catch (RuntimeException e) {
      throw failures.wrap(what, e);
    }
  }

  private <T> T sqliteWrite(Handle handle, HandleCallback<T, RuntimeException> work) {
    handle.execute("BEGIN IMMEDIATE");
    try {
      T result = work.withHandle(handle);
      handle.execute("COMMIT");
      return result;
    } catch (RuntimeException | Error e) {
      rollback(handle, e);
      throw e;
    }
  }

  // A deferred transaction takes its snapshot at its first read; nothing is locked for writing.
  private <T> T sqliteSnapshot(Handle handle, HandleCallback<T, RuntimeException> work) {
    handle.execute("BEGIN DEFERRED");
    try {
      T result = work.withHandle(handle);
      handle.execute("COMMIT");
      return result;
    } catch (RuntimeException | Error e) {
      rollback(handle, e);
      throw e;
    }
  }

  private void rollback(Handle handle, Throwable cause) {
    try {
      handle.execute("ROLLBACK");
    } catch (RuntimeException rollbackFailure) {
      // SQLite may already have rolled back by itself (then ROLLBACK says "no transaction is
      // active"); if not, this connection must never go back to the pool holding the write lock.
      // Evicting it is right in both cases and costs one reconnect.
      cause.addSuppressed(rollbackFailure);
      LOG.debug("rollback failed; evicting the connection", rollbackFailure);
      dataSource.evictConnection(handle.getConnection());
    }
  }
}

package dev.parakeet.jit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * for JDBC-level transactions, such as Flyway's.) On PostgreSQL it is the JDBC route.
 *
 * <p>A write is either plain JDBC on a borrowed connection ({@link #writeOn}: a generation, so
 * that recording one needs nothing of JDBI) or JDBI work on a handle ({@link #write}); both open
 * and close the transaction in {@link #inWriteTransaction}. JDBI itself is made on first use.
 */
final class Transactions {

  private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

  /** Plain JDBC work on a borrowed connection. */
  @FunctionalInterface
  interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  private final Vendor vendor;
  private final Connections connections;
  private final Failures failures;
  private volatile Jdbi jdbi;

  Transactions(Vendor vendor, Connections connections, Failures failures) {
    this.vendor = vendor;
    this.connections = connections;
    this.failures = failures;
  }

  /** JDBI on these connections, made on first use (its set-up costs a one-shot command ~0.1 s). */
  Jdbi jdbi() {
    Jdbi made = jdbi;
    if (made == null) {
      synchronized (this) {
        made = jdbi;
        if (made == null) {
          made = JdbiSetup.create(connections, vendor);
          jdbi = made;
        }
      }
    }
    return made;
  }

  /** {@code what} begins the failure's message: "could not record session sess-1: ...". */
  <T> T write(String what, HandleCallback<T, RuntimeException> work) {
    return run(what, () -> jdbi().withHandle(
        handle -> unchecked(() -> inWriteTransaction(handle.getConnection(), c -> work.withHandle(handle)))));
  }

  /** As {@link #write}, in plain JDBC on a connection borrowed for it. */
  <T> T writeOn(String what, Work<T> work) {
    return run(what, () -> unchecked(() -> {
      Connection connection = connections.borrow();
      try {
        return inWriteTransaction(connection, work);
      } finally {
        connections.giveBack(connection);
      }
    }));
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
    return run(what, () -> jdbi().withHandle(work));
  }

  /**
   * Several reads that must agree with each other (a summary): one read-only transaction, so they
   * all see the database as it was at the first of them.
   */
  <T> T snapshot(String what, HandleCallback<T, RuntimeException> work) {
    return run(what, () -> vendor == Vendor.SQLITE
        ? jdbi().withHandle(h -> sqliteSnapshot(h, work))
        : jdbi().inTransaction(TransactionIsolationLevel.REPEATABLE_READ, work));
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

  /** One write transaction around {@code work}: committed when it returns, rolled back when not. */
  private <T> T inWriteTransaction(Connection connection, Work<T> work) throws SQLException {
    if (vendor == Vendor.SQLITE) {
      execute(connection, "BEGIN IMMEDIATE");
    } else {
      connection.setAutoCommit(false);
    }
    try {
      T result = work.on(connection);
      if (vendor == Vendor.SQLITE) {
        execute(connection, "COMMIT");
      } else {
        connection.commit();
        connection.setAutoCommit(true);
      }
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      rollback(connection, e);
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
      unchecked(() -> {
        rollback(handle.getConnection(), e);
        return null;
      });
      throw e;
    }
  }

  private void rollback(Connection connection, Throwable cause) {
    try {
      if (vendor == Vendor.SQLITE) {
        execute(connection, "ROLLBACK");
      } else {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException rollbackFailure) {
      // SQLite may already have rolled back by itself (then ROLLBACK says "no transaction is
      // active"); if not, this connection must never be lent again holding the write lock.
      // Evicting it is right in both cases and costs one reconnect.
      cause.addSuppressed(rollbackFailure);
      LOG.debug("rollback failed; evicting the connection", rollbackFailure);
      connections.evict(connection);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @FunctionalInterface
  private interface SqlSupplier<T> {
    T get() throws SQLException;
  }

  /** A driver's failure on the plain JDBC path as a {@link StatementFailure}. */
  private static <T> T unchecked(SqlSupplier<T> work) {
    try {
      return work.get();
    } catch (SQLException e) {
      throw new StatementFailure(e);
    }
  }

  /** A driver's failure on the plain JDBC path, for {@link Retry} and {@link Failures} to read. */
  static final class StatementFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StatementFailure(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}

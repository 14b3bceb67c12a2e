package dev.parakeet.jit.store;

import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
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

  /** {@code what} begins the failure's message: "could not list sessions: ...". */
  <T> T read(String what, HandleCallback<T, RuntimeException> work) {
    return run(what, () -> jdbi.withHandle(work));
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

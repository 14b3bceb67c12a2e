package dev.parakeet.jit.store;

import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a unit of work in one write transaction, retried whole by {@link Retry} when the database
 * was busy, and runs reads with the same retry.
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

  Transactions(Vendor vendor, Jdbi jdbi, HikariDataSource dataSource) {
    this.vendor = vendor;
    this.jdbi = jdbi;
    this.dataSource = dataSource;
  }

  <T> T write(HandleCallback<T, RuntimeException> work) {
    return Retry.transaction(
        () -> vendor == Vendor.SQLITE ? jdbi.withHandle(h -> sqliteWrite(h, work)) : jdbi.inTransaction(work));
  }

  <T> T read(HandleCallback<T, RuntimeException> work) {
    return Retry.transaction(() -> jdbi.withHandle(work));
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

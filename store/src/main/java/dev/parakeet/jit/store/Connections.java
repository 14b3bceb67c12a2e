package dev.parakeet.jit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Where the store's connections come from: a pool ({@link PooledConnections}), or one connection
 * opened straight through the driver ({@link OneConnection}). A unit of work borrows a connection
 * and gives it back; one whose state is no longer known (a rollback that failed) is evicted first.
 * Thread-safe.
 */
interface Connections extends AutoCloseable {

  /** A connection for one unit of work, in auto-commit mode; waits while all are lent. */
  Connection borrow() throws SQLException;

  /** Returns a connection from {@link #borrow}. */
  void giveBack(Connection connection) throws SQLException;

  /** Marks a borrowed connection as unusable: it is closed, never lent again. */
  void evict(Connection connection);

  /**
   * Runs {@code work} with a data source on the same database that can lend several connections
   * at once, for a library that opens its own (Flyway).
   */
  <T> T withDataSource(Function<DataSource, T> work);

  @Override
  void close();
}

package dev.parakeet.jit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * One connection, opened straight through the driver ({@link ConnectionPools#connect}) when it is
 * first borrowed and kept until {@link #close}: for a command that records one generation and
 * exits, where a pool's start-up (its threads, {@code DriverManager}'s loading of every driver on
 * the class path, its proxies) costs more than a second connection could ever save. Lent to one
 * caller at a time; another waits for it as it would for a pool's ({@link Timeouts#POOL_WAIT_MS}).
 * Migrations get a pool of their own ({@link #withDataSource}): they run only on a database whose
 * schema is not current, which a one-shot command seldom meets.
 */
final class OneConnection implements Connections {

  private final DatabaseUrl url;
  private final Semaphore lent = new Semaphore(1, true);
  // Guarded by lent.
  private Connection connection;
  private int networkTimeout;
  private boolean evicted;
  private volatile boolean closed;

  OneConnection(DatabaseUrl url) {
    this.url = url;
  }

  @Override
  public Connection borrow() throws SQLException {
    try {
      if (!lent.tryAcquire(Timeouts.POOL_WAIT_MS, TimeUnit.MILLISECONDS)) {
        throw new SQLTransientConnectionException(
            "the connection was not given back within " + Timeouts.POOL_WAIT_MS + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("interrupted while waiting for the connection", e);
    }
    try {
      if (closed) {
        throw new SQLException("the store is closed");
      }
      if (connection == null) {
        connection = ConnectionPools.connect(url);
        evicted = false;
        networkTimeout = url.vendor() == Vendor.POSTGRESQL ? connection.getNetworkTimeout() : 0;
      }
      return connection;
    } catch (SQLException | RuntimeException | Error e) {
      lent.release();
      throw e;
    }
  }

  @Override
  public void giveBack(Connection borrowed) throws SQLException {
    try {
      if (evicted || closed) {
        closeQuietly();
      } else {
        reset();
      }
    } catch (SQLException | RuntimeException e) {
      closeQuietly();
      throw e;
    } finally {
      lent.release();
    }
  }

  /** What a pool restores when a connection comes back: auto-commit, and the socket timeout. */
  private void reset() throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
      connection.setAutoCommit(true);
    }
    if (url.vendor() == Vendor.POSTGRESQL && connection.getNetworkTimeout() != networkTimeout) {
      connection.setNetworkTimeout(Runnable::run, networkTimeout);
    }
  }

  @Override
  public void evict(Connection borrowed) {
    // Called by the borrower, who gives it back next: it is closed then.
    evicted = true;
  }

  @Override
  public <T> T withDataSource(Function<DataSource, T> work) {
    try (var pool = ConnectionPools.create(url)) {
      return work.apply(pool);
    }
  }

  @Override
  public void close() {
    closed = true;
    // A borrower still at work closes it when giving it back.
    if (lent.tryAcquire()) {
      try {
        closeQuietly();
      } finally {
        lent.release();
      }
    }
  }

  private void closeQuietly() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing a connection that is being dropped; nothing is pending on it.
      }
      connection = null;
    }
  }
}

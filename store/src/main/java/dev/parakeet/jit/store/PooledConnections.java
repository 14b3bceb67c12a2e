package dev.parakeet.jit.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/** {@link Connections} from a Hikari pool ({@link ConnectionPools}): for a server or a batch. */
final class PooledConnections implements Connections {

  private final HikariDataSource pool;

  PooledConnections(HikariDataSource pool) {
    this.pool = pool;
  }

  @Override
  public Connection borrow() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public void giveBack(Connection connection) throws SQLException {
    // The pool restores what a unit of work changed (auto-commit, the socket timeout).
    connection.close();
  }

  @Override
  public void evict(Connection connection) {
    pool.evictConnection(connection);
  }

  @Override
  public <T> T withDataSource(Function<DataSource, T> work) {
    return work.apply(pool);
  }

  @Override
  public void close() {
    pool.close();
  }
}

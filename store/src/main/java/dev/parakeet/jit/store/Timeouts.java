package dev.parakeet.jit.store;

/**
 * How long the store waits on a database server before giving up, so that a server that accepts
 * connections and then stops answering fails the caller instead of hanging it (a CLI waited 400 s
 * on one). Every store operation takes milliseconds; ten seconds of silence means the server is
 * not going to answer. The exceptions are the long operations — migrations and the comparison
 * purge — whose connections get {@link #LONG_OPERATION_MS}.
 *
 * <p>A timeout given in the URL ({@code ?socketTimeout=60}) wins over these.
 */
final class Timeouts {

  /** TCP connect to a PostgreSQL server (pgjdbc {@code connectTimeout}). */
  static final int CONNECT_SECONDS = 5;

  /**
   * Silence on an established connection (pgjdbc {@code socketTimeout}): applies to every read of
   * every statement; the driver then closes the socket.
   */
  static final int SOCKET_SECONDS = 10;

  /**
   * The whole connection attempt (pgjdbc {@code loginTimeout}): TCP, the TLS offer (and the retry
   * without TLS that {@code sslmode=prefer} makes), the login. This is the bound on opening a
   * store whose server never answers; the driver's connecting thread then closes its socket when
   * its own read times out.
   */
  static final int LOGIN_SECONDS = 10;

  /** How long a caller waits for a free connection of the pool. */
  static final long POOL_WAIT_MS = 10_000;

  /** Migrations and the purge: a large table can take minutes, and that is not a stalled server. */
  static final int LONG_OPERATION_MS = 10 * 60 * 1000;

  private Timeouts() {}
}

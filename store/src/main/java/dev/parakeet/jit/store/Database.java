package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.port.ComparisonLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The store: a connection pool on one database (or, for a one-shot command, one connection),
 * migrated to the current schema, and the repositories on it. SQLite (a single file, the default)
 * or PostgreSQL, chosen by the JDBC URL. Thread-safe; open it once per process and close it at
 * exit.
 */
public final class Database implements AutoCloseable {

  /** The environment variable naming the database (SPEC §9.2). */
  public static final String URL_VARIABLE = "PARAKEET_DB_URL";

  private final DatabaseUrl url;
  private final Connections connections;
  private final Transactions transactions;
  private final Failures failures;
  private final SessionRepository sessions;
  private final ComparisonRepository comparisons;
  private final ComparisonLog comparisonLog;
  private final DecisionRepository decisions;
  private final LifterSettingsRepository lifterSettings;

  private Database(DatabaseUrl url, Connections connections, Clock clock, Failures failures) {
    Vendor vendor = url.vendor();
    this.url = url;
    this.connections = connections;
    this.failures = failures;
    Transactions transactions = new Transactions(vendor, connections, failures);
    this.transactions = transactions;
    SessionSql sessionSql = new SessionSql(vendor);
    DecisionSql decisionSql = new DecisionSql(vendor);
    ComparisonSql comparisonSql = new ComparisonSql(vendor);
    SessionWrites writes = new SessionWrites(transactions, sessionSql, decisionSql, clock);
    this.sessions = new JdbiSessionRepository(transactions, sessionSql, writes);
    this.comparisons = new JdbiComparisonRepository(transactions, comparisonSql);
    this.comparisonLog = new JdbiComparisonLog(transactions, comparisonSql, clock);
    this.decisions = new JdbiDecisionRepository(transactions, decisionSql);
    this.lifterSettings = new JdbiLifterSettingsRepository(transactions, vendor, clock);
  }

  /**
   * Opens (creating if needed) the database at jdbcUrl, runs pending migrations, returns it ready.
   * A PostgreSQL server that does not answer fails this within {@link Timeouts#LOGIN_SECONDS} s
   * (or {@link Timeouts#SOCKET_SECONDS} s after the login), with a {@link StoreException}.
   */
  public static Database open(String jdbcUrl) {
    return open(jdbcUrl, Clock.systemUTC());
  }

  /**
   * As {@link #open(String)}, with the clock that stamps {@code created_at}, {@code updated_at} and
   * {@code recorded_at} (tests and replays pass a fixed one).
   */
  public static Database open(String jdbcUrl, Clock clock) {
    return open(jdbcUrl, clock, url -> new PooledConnections(ConnectionPools.create(url)));
  }

  /**
   * As {@link #open(String, Clock)}, on one connection opened straight through the driver and
   * kept until {@link #close}, instead of a pool: for a command that records one generation and
   * exits (no pool start-up, no pool threads). Still thread-safe: threads take turns with the
   * connection.
   */
  public static Database openOneConnection(String jdbcUrl, Clock clock) {
    return open(jdbcUrl, clock, OneConnection::new);
  }

  private static Database open(String jdbcUrl, Clock clock, Function<DatabaseUrl, Connections> connecting) {
    Objects.requireNonNull(clock, "clock");
    DatabaseUrl url = DatabaseUrl.parse(jdbcUrl);
    Failures failures = new Failures(url.secrets());
    try {
      return OpenLock.around(
          url,
          () -> {
            Connections connections = connecting.apply(url);
            try {
              Migrations.bringUpToDate(connections, url.vendor());
              return new Database(url, connections, clock, failures);
            } catch (RuntimeException | Error e) {
              connections.close();
              throw e;
            }
          });
    } catch (RuntimeException e) {
      throw failures.wrap("could not open " + url, e);
    }
  }

  /**
   * Loads and initialises what {@link #openOneConnection} and recording a generation use (the
   * store's classes, the SQL, and for SQLite the driver's native library), touching no database,
   * file or connection: a command that will open a store can run this on another thread while it
   * reads its input, so that the real opening finds it done. Nothing is kept.
   */
  public static void prepareOpening(String jdbcUrl) {
    DatabaseUrl url = DatabaseUrl.parse(jdbcUrl);
    // A connection that is never borrowed: it connects on the first borrow, which never comes.
    try (OneConnection unused = new OneConnection(url)) {
      new Database(url, unused, Clock.systemUTC(), new Failures(url.secrets()));
    }
    if (url.vendor() == Vendor.SQLITE) {
      SqliteNativeLibrary.load();
      SqliteTuning.connectionProperties();
    }
  }

  /**
   * Opens an existing database for reading only: nothing is created (no file, directory, lock
   * file or schema), migrated or written, so a read-only file can still be listed and a mistyped
   * path is reported instead of becoming a new, empty database.
   *
   * @throws StoreException "no database at PATH" for a missing SQLite file, or when it cannot be
   *     opened
   */
  public static Database openReadOnly(String jdbcUrl, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    DatabaseUrl url = DatabaseUrl.parse(jdbcUrl);
    if (url.isSqliteFile() && !Files.isRegularFile(url.sqliteFile())) {
      throw new StoreException("no database at " + url.sqliteFile());
    }
    Failures failures = new Failures(url.secrets());
    try {
      return new Database(url, new PooledConnections(ConnectionPools.createReadOnly(url)), clock, failures);
    } catch (RuntimeException e) {
      throw failures.wrap("could not open " + url, e);
    }
  }

  /** The SQLite file a URL names; empty for PostgreSQL and for an in-memory SQLite database. */
  public static Optional<Path> sqliteFile(String jdbcUrl) {
    return Optional.ofNullable(DatabaseUrl.parse(jdbcUrl).sqliteFile());
  }

  /**
   * Whether the URL names an in-memory SQLite database ({@code jdbc:sqlite:}, {@code :memory:}),
   * which is gone when the last connection to it closes.
   */
  public static boolean inMemory(String jdbcUrl) {
    DatabaseUrl url = DatabaseUrl.parse(jdbcUrl);
    return url.vendor() == Vendor.SQLITE && !url.isSqliteFile();
  }

  /** The embedded default: jdbc:sqlite:&lt;home&gt;/.parakeet/parakeet.db (directory created on first use). */
  public static String embeddedUrl(Path home) {
    Objects.requireNonNull(home, "home");
    return "jdbc:sqlite:" + home.toAbsolutePath().normalize().resolve(".parakeet").resolve("parakeet.db");
  }

  /** PARAKEET_DB_URL if set, else embeddedUrl(user.home). flag (--db) wins when non-null. */
  public static String resolveUrl(String flag, Map<String, String> env, Path home) {
    if (flag != null) {
      return flag;
    }
    String fromEnv = env == null ? null : env.get(URL_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    return embeddedUrl(home);
  }

  /** e.g. "SQLite /root/.parakeet/parakeet.db" or "PostgreSQL localhost:5432/parakeet"; never a password. */
  public String describe() {
    return url.toString();
  }

  public SessionRepository sessions() {
    return sessions;
  }

  public ComparisonRepository comparisons() {
    return comparisons;
  }

  /** The engine port, writing to jit_comparison_logs. */
  public ComparisonLog comparisonLog() {
    return comparisonLog;
  }

  /** The model decisions recorded with generations (llm_decisions). */
  public DecisionRepository decisions() {
    return decisions;
  }

  /** The lifters' strategy settings (lifter_settings). */
  public LifterSettingsRepository lifterSettings() {
    return lifterSettings;
  }

  /**
   * Readiness: the database answers and its schema is the one this build ships (a server's
   * {@code /readyz}). Bounded by the store's timeouts.
   *
   * @throws StoreException saying why not
   */
  public void checkReady() {
    boolean current;
    try {
      current = Migrations.isCurrent(connections, url.vendor());
    } catch (RuntimeException e) {
      throw failures.wrap(url + " is not ready", e);
    }
    if (!current) {
      throw new StoreException(url + " is not ready: its schema is not the one this version uses");
    }
  }

  /** For tests in this package: raw SQL on the same connections. */
  Jdbi jdbi() {
    return transactions.jdbi();
  }

  @Override
  public void close() {
    connections.close();
  }
}

package dev.parakeet.jit.app;

import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.SqliteNativeLibrary;
import dev.parakeet.jit.store.StoreException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where sessions are kept — {@code --db}, else {@code PARAKEET_DB_URL}, else
 * {@code $HOME/.parakeet/parakeet.db} — and how each command may open it. A plain path is a
 * SQLite file. An in-memory database is refused: it would be gone when the command ends.
 * Commands that only read never create a database: a missing file is reported, and a read-only
 * file is opened read-only.
 */
final class SessionStore {

  /** What a command does with the store. */
  enum Use {
    /** Records sessions: the database is created and migrated when needed. */
    RECORD,
    /**
     * As {@link #RECORD}, for a command that records one generation and exits: on one connection
     * instead of a pool ({@link Database#openOneConnection}).
     */
    RECORD_ONE,
    /** Changes an existing database (a purge): a missing file is an error, not a new database. */
    CHANGE,
    /** Only reads: nothing is created, migrated or written. */
    READ
  }

  private static final String SQLITE = "jdbc:sqlite:";
  /** {@code postgres://…}, {@code mysql://…}: a URL, not a path, but not a JDBC one either. */
  private static final Pattern OTHER_URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

  private SessionStore() {}

  /**
   * Opens the store for {@code use}.
   *
   * @throws CommandFailure a usage error (exit 2) for a location that cannot hold sessions, exit 1
   *     for a missing database or one that cannot be opened
   */
  static Database open(String flag, Console console, Clock clock, Use use) {
    String url = url(flag, console);
    try {
      if (Database.inMemory(url)) {
        throw CommandFailure.usage(
            source(flag) + " names an in-memory SQLite database, which is gone when the command ends:"
                + (records(use)
                    ? " nothing would be kept. Give a file path (--db FILE), or --no-store to keep nothing"
                    : " there is nothing to read. Give the file path of a session store (--db FILE)"));
      }
      Optional<Path> file = Database.sqliteFile(url);
      if (!records(use) && file.isPresent() && !Files.exists(file.get())) {
        throw CommandFailure.failed("no database at " + file.get(), null);
      }
      if (file.isPresent()) {
        keepSqliteLibrary(console);
      }
      return switch (use) {
        case READ -> Database.openReadOnly(url, clock);
        case RECORD_ONE -> Database.openOneConnection(url, clock);
        case RECORD, CHANGE -> Database.open(url, clock);
      };
    } catch (StoreException e) {
      throw CommandFailure.failed("cannot open the session store: " + e.getMessage(), e);
    }
  }

  private static boolean records(Use use) {
    return use == Use.RECORD || use == Use.RECORD_ONE;
  }

  /**
   * Lets the SQLite driver load its native library from the copy kept beside the default
   * database, {@code $HOME/.parakeet/native}, made once instead of extracted on every start. Only
   * for a command that opens SQLite: the others never load the driver.
   */
  static void keepSqliteLibrary(Console console) {
    SqliteNativeLibrary.keepCopyIn(console.home().resolve(".parakeet").resolve("native"));
  }

  /** The JDBC URL: a URL as given, a plain path as the SQLite file it names. */
  static String url(String flag, Console console) {
    if (flag != null) {
      return normalise(flag, "--db", console.home());
    }
    String fromEnv = console.env().get(Database.URL_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return normalise(fromEnv, Database.URL_VARIABLE, console.home());
    }
    return Database.embeddedUrl(console.home());
  }

  private static String normalise(String value, String source, Path home) {
    String location = value.strip();
    if (location.isEmpty()) {
      throw CommandFailure.usage(source + " is empty: give a file path or a JDBC URL");
    }
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:sqlite:") || lower.startsWith("jdbc:postgresql:")) {
      return location;
    }
    if (lower.startsWith("jdbc:")) {
      // Only the scheme is echoed: the rest of a URL may hold a password.
      int colon = location.indexOf(':', "jdbc:".length());
      throw CommandFailure.usage(
          source + " must be a file path or a JDBC URL of SQLite or PostgreSQL (jdbc:sqlite:FILE,"
              + " jdbc:postgresql://HOST/DB), was " + (colon > 0 ? location.substring(0, colon + 1) + "…" : "jdbc:…"));
    }
    if (OTHER_URL.matcher(location).matches()) {
      // Only the scheme is echoed: the rest of a URL may hold a password.
      throw CommandFailure.usage(
          source + " must be a file path or a JDBC URL (jdbc:postgresql://HOST/DB, jdbc:sqlite:FILE), was "
              + location.substring(0, location.indexOf("://") + 3) + "…");
    }
    try {
      Path path =
          location.equals("~") ? home
              : location.startsWith("~/") ? home.resolve(location.substring(2))
              : Path.of(location);
      return SQLITE + path.toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw CommandFailure.usage(source + " is not a usable file path: " + e.getReason());
    }
  }

  private static String source(String flag) {
    return flag != null ? "--db" : Database.URL_VARIABLE;
  }
}

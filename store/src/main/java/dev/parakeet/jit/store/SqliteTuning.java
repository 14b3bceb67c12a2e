package dev.parakeet.jit.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * How every SQLite connection is opened, so that several threads and several processes can write
 * to one file without "database is locked":
 *
 * <ul>
 *   <li>WAL: readers never block the writer and the writer never blocks readers;
 *   <li>a busy timeout: a writer that finds the lock taken waits for it instead of failing;
 *   <li>{@code BEGIN IMMEDIATE}: a write transaction takes the write lock when it starts, so two
 *       transactions never both read and then deadlock trying to upgrade (an upgrade conflict is
 *       returned at once, without waiting on the busy timeout);
 *   <li>foreign keys on (SQLite leaves them off per connection by default).
 * </ul>
 *
 * Synchronous stays FULL (SQLite's default): a generation reported as recorded survives a power
 * cut, not only a killed process.
 */
final class SqliteTuning {

  static final int BUSY_TIMEOUT_MS = 10_000;

  // Made once: the driver's SQLiteConfig reads its whole pragma table to make one.
  private static final Properties CONNECTION = tuned();

  private SqliteTuning() {}

  /** A copy: the caller may add to it. */
  static Properties connectionProperties() {
    Properties copy = new Properties();
    copy.putAll(CONNECTION);
    return copy;
  }

  private static Properties tuned() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    return config.toProperties();
  }

  /**
   * Whether a reader of this WAL file can use the shared-memory index: it exists, or the directory
   * lets it be created. When neither (a read-only directory with no writer connected), SQLite can
   * only open the file as immutable — safe then, because a writer would have created the index.
   */
  static boolean canShareMemory(Path file) {
    Path shm = file.resolveSibling(file.getFileName() + "-shm");
    return Files.exists(shm) || Files.isWritable(file.getParent());
  }

  /** For a reader that must not write: read-only, and the journal mode left as the file has it. */
  static Properties readOnlyProperties() {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    return config.toProperties();
  }
}

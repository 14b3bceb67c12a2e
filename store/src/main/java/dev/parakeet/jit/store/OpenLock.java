package dev.parakeet.jit.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * Serialises the opening of one SQLite file across threads and processes. Two processes that open
 * a fresh file at the same moment would otherwise both switch it to WAL and both try to create
 * Flyway's history table; SQLite has no advisory lock Flyway could use (it does on PostgreSQL). An
 * OS file lock on a sibling file ({@code parakeet.db-open.lock}) is held while the pool starts and
 * the migrations run; it is released at once after, so it never slows down normal writes.
 */
final class OpenLock {

  // FileLock is per process: two threads of one JVM must also queue, or the second gets an
  // OverlappingFileLockException.
  private static final Object IN_PROCESS = new Object();

  private OpenLock() {}

  private static String reason(IOException e) {
    return e instanceof FileSystemException f && f.getReason() != null
        ? f.getReason()
        : e.getClass().getSimpleName();
  }

  @SuppressWarnings("try") // the lock is held by the try block itself, never referenced
  static <T> T around(DatabaseUrl url, Supplier<T> work) {
    if (!url.isSqliteFile()) {
      return work.get();
    }
    Path file = url.sqliteFile();
    Path lockFile = file.resolveSibling(file.getFileName() + "-open.lock");
    synchronized (IN_PROCESS) {
      try {
        Files.createDirectories(file.getParent());
        try (FileChannel channel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock ignored = channel.lock()) {
          return work.get();
        }
      } catch (IOException e) {
        // The JDK's message is often the bare path; say what was being done and why it failed.
        throw new UncheckedIOException("cannot create or lock " + lockFile + " (" + reason(e) + ")", e);
      }
    }
  }
}

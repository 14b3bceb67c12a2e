package dev.parakeet.jit.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes files and directories unwritable for this process until closed: permissions for an
 * ordinary user; for root, whom permissions do not stop, the immutable attribute ({@code chattr +i}).
 */
final class ReadOnly implements AutoCloseable {

  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  private final List<Path> paths;

  private ReadOnly(List<Path> paths) {
    this.paths = paths;
  }

  /** {@code paths} in order: a directory before the files in it is fine. */
  static ReadOnly make(Path... paths) throws IOException {
    List<Path> done = new ArrayList<>();
    ReadOnly readOnly = new ReadOnly(done);
    for (Path path : paths) {
      boolean ok = ROOT ? chattr("+i", path) : setWritable(path, false);
      if (!ok) {
        readOnly.close();
        Assumptions.abort("cannot make " + path + " read-only here");
      }
      done.add(path);
    }
    return readOnly;
  }

  @Override
  public void close() throws IOException {
    for (Path path : paths) {
      if (ROOT) {
        chattr("-i", path);
      } else {
        setWritable(path, true);
      }
    }
  }

  private static boolean setWritable(Path path, boolean writable) throws IOException {
    String mode = Files.isDirectory(path) ? (writable ? "rwx------" : "r-x------") : (writable ? "rw-------" : "r--------");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    return true;
  }

  private static boolean chattr(String flag, Path path) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return false; // no chattr on this system
    }
    process.getInputStream().readAllBytes();
    try {
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running chattr", e);
    }
  }
}

package dev.parakeet.jit.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * A kept copy of the SQLite driver's native library. Left to itself, sqlite-jdbc copies its 1 MB
 * library out of the jar into the temporary directory, compares it with the jar's, loads it and
 * deletes it, on every start. The copy kept here is made once per driver version (its directory
 * is named after the version; the size is checked against the jar's on every use) and given to
 * the driver through its own {@code org.sqlite.lib.path}/{@code org.sqlite.lib.name}. Best
 * effort: when the copy cannot be made, or the driver cannot load it, the driver extracts its
 * library as before. Properties the user set win. Called only when a command opens a SQLite
 * database: nothing of the driver is loaded by a command that stores nothing.
 */
public final class SqliteNativeLibrary {

  static final String PATH_PROPERTY = "org.sqlite.lib.path";
  static final String NAME_PROPERTY = "org.sqlite.lib.name";
  /** Where the driver extracts its library, and which folder it cleans of old extractions first. */
  static final String TEMP_PROPERTY = "org.sqlite.tmpdir";
  /** The driver's libraries are under {@code /org/sqlite/native/<os>/<arch>} in its jar. */
  private static final String RESOURCE_ROOT = "/org/sqlite/native/";
  /** Beside the copies: which of the jar's folders this platform uses ({@code platform-<os>-<arch>}). */
  static final String PLATFORM_FILE_PREFIX = "platform-";

  private SqliteNativeLibrary() {}

  /** Lets the driver load its library from a copy kept under {@code directory}, made if needed. */
  public static void keepCopyIn(Path directory) {
    if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
      return;
    }
    Path copy = copyIn(directory);
    if (copy != null) {
      System.setProperty(PATH_PROPERTY, copy.getParent().toString());
      System.setProperty(NAME_PROPERTY, copy.getFileName().toString());
      // Before loading, the driver lists its temporary directory to delete its old extractions
      // (a stream over every file of /tmp, ~25 ms where it holds a thousand). With the copy kept
      // it extracts nothing there: it is pointed at the copies' own directory instead.
      if (System.getProperty(TEMP_PROPERTY) == null) {
        System.setProperty(TEMP_PROPERTY, directory.toString());
      }
    }
  }

  /**
   * Loads the driver's library now (from the kept copy, once {@link #keepCopyIn} has run), opening
   * no database: for a thread that prepares the opening while the command does something else.
   * Best effort: a failure is met again, and reported, when a connection is opened.
   */
  static void load() {
    try {
      SQLiteJDBCLoader.initialize();
    } catch (Exception | LinkageError e) {
      // The connection's own loading reports it.
    }
  }

  /** The driver's library for this platform, copied under {@code directory}; null if it cannot be. */
  static Path copyIn(Path directory) {
    try {
      String name = LibraryLoaderUtil.getNativeLibName();
      Path versionFolder = directory.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
      Path remembered = versionFolder.resolve(PLATFORM_FILE_PREFIX + platform());
      // The driver's choice of folder for this platform runs a process (uname) to tell Termux from
      // other Linux systems: made once, remembered beside the copy, and used when it still names the
      // jar's library.
      String resourceFolder = rememberedFolder(remembered, name);
      boolean resolved = resourceFolder == null;
      if (resolved) {
        resourceFolder = LibraryLoaderUtil.getNativeLibResourcePath();
      }
      URL resource = SQLiteJDBCLoader.class.getResource(resourceFolder + "/" + name);
      if (resource == null) {
        return null;
      }
      Path copy = copyOf(resource, versionFolder.resolve(resourceFolder.substring(1)), name);
      if (copy != null && resolved) {
        remember(remembered, resourceFolder);
      }
      return copy;
    } catch (IOException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** {@code os.name-os.arch}, as a file name. */
  private static String platform() {
    return (System.getProperty("os.name") + "-" + System.getProperty("os.arch")).replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** The resource folder remembered in {@code file}, if it is one of the driver's and holds {@code name}; else null. */
  private static String rememberedFolder(Path file, String name) {
    try {
      String folder = Files.readString(file).strip();
      return folder.startsWith(RESOURCE_ROOT) && !folder.contains("..")
              && SQLiteJDBCLoader.class.getResource(folder + "/" + name) != null
          ? folder
          : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static void remember(Path file, String resourceFolder) {
    try {
      Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
      try {
        Files.writeString(partial, resourceFolder + "\n");
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException | RuntimeException e) {
      // Only means the folder is worked out again next time.
    }
  }

  /** The copy of {@code resource} as {@code folder/name}, made unless one of the same size is there. */
  private static Path copyOf(URL resource, Path folder, String name) throws IOException {
    URLConnection connection = resource.openConnection();
    long size = connection.getContentLengthLong();
    Path copy = folder.resolve(name);
    if (size > 0 && Files.isRegularFile(copy) && Files.size(copy) == size) {
      return copy;
    }
    Files.createDirectories(folder);
    // Written under a name of its own and renamed: a concurrent start never loads half a library.
    Path partial = Files.createTempFile(folder, name, ".partial");
    try (InputStream in = connection.getInputStream()) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      if (size > 0 && Files.size(partial) != size) {
        return null;
      }
      Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return copy;
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}

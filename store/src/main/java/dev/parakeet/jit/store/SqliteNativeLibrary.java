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
 * library as before. Properties the user set win.
 */
public final class SqliteNativeLibrary {

  static final String PATH_PROPERTY = "org.sqlite.lib.path";
  static final String NAME_PROPERTY = "org.sqlite.lib.name";

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
    }
  }

  /** The driver's library for this platform, copied under {@code directory}; null if it cannot be. */
  static Path copyIn(Path directory) {
    try {
      String resourceFolder = LibraryLoaderUtil.getNativeLibResourcePath();
      String name = LibraryLoaderUtil.getNativeLibName();
      URL resource = SQLiteJDBCLoader.class.getResource(resourceFolder + "/" + name);
      if (resource == null) {
        return null;
      }
      URLConnection connection = resource.openConnection();
      long size = connection.getContentLengthLong();
      Path folder =
          directory.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion()).resolve(resourceFolder.substring(1));
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
    } catch (IOException | RuntimeException | LinkageError e) {
      return null;
    }
  }
}

package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryTest {

  @TempDir Path directory;

  private static byte[] jarCopy() throws IOException {
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void theCopyHasTheJarsBytesUnderTheDriversVersion() throws IOException {
    Path copy = SqliteNativeLibrary.copyIn(directory);

    assertThat(copy).isNotNull().startsWith(directory.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion()));
    assertThat(Files.readAllBytes(copy)).isEqualTo(jarCopy());
    try (var files = Files.list(copy.getParent())) {
      assertThat(files).as("no partial file left").containsExactly(copy);
    }
  }

  @Test
  void aCopyOfTheRightSizeIsKeptAndAnyOtherIsReplaced() throws IOException {
    Path copy = SqliteNativeLibrary.copyIn(directory);
    Files.write(copy, new byte[] {1, 2, 3});

    assertThat(SqliteNativeLibrary.copyIn(directory)).isEqualTo(copy);
    assertThat(Files.readAllBytes(copy)).isEqualTo(jarCopy());

    byte[] sameSize = jarCopy();
    sameSize[0] = 0;
    Files.write(copy, sameSize);
    assertThat(SqliteNativeLibrary.copyIn(directory)).isEqualTo(copy);
    assertThat(Files.readAllBytes(copy)).as("kept: the size is the check").isEqualTo(sameSize);
  }

  @Test
  void noCopyWhereNoneCanBeMade() throws IOException {
    Path file = Files.writeString(directory.resolve("a-file"), "not a directory");

    assertThat(SqliteNativeLibrary.copyIn(file)).isNull();
  }

  @Test
  void thePlatformsFolderIsRememberedAndAnUnusableMemoryIsReplaced() throws IOException {
    Path copy = SqliteNativeLibrary.copyIn(directory);
    Path versionFolder = directory.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
    Path remembered;
    try (var files = Files.list(versionFolder)) {
      remembered = files.filter(f -> f.getFileName().toString().startsWith(SqliteNativeLibrary.PLATFORM_FILE_PREFIX))
          .findFirst().orElseThrow();
    }
    assertThat(Files.readString(remembered).strip()).isEqualTo(LibraryLoaderUtil.getNativeLibResourcePath());

    assertThat(SqliteNativeLibrary.copyIn(directory)).as("found through the remembered folder").isEqualTo(copy);

    for (String unusable : new String[] {"/org/sqlite/native/Nowhere/none", "/etc", "/org/sqlite/native/../../x", ""}) {
      Files.writeString(remembered, unusable);
      assertThat(SqliteNativeLibrary.copyIn(directory)).as(unusable).isEqualTo(copy);
      assertThat(Files.readString(remembered).strip()).as(unusable).isEqualTo(LibraryLoaderUtil.getNativeLibResourcePath());
    }
  }
}

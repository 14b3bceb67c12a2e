package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void aPostgresUrlLosesItsCredentialsOnTheWayToTheDriver() {
    DatabaseUrl url = DatabaseUrl.parse(
        "jdbc:postgresql://db.example:5432/parakeet?user=alice&password=p%40ss&sslmode=require");
    assertThat(url.vendor()).isEqualTo(Vendor.POSTGRESQL);
    assertThat(url.driverUrl()).isEqualTo("jdbc:postgresql://db.example:5432/parakeet?sslmode=require");
    assertThat(url.user()).isEqualTo("alice");
    assertThat(url.password()).isEqualTo("p@ss");
    assertThat(url.secrets()).contains("p@ss", "p%40ss");
    assertThat(url.location()).isEqualTo("db.example:5432/parakeet");
    assertThat(url.toString()).isEqualTo("PostgreSQL db.example:5432/parakeet");
  }

  @Test
  void userInfoIsTakenOutOfTheHost() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://bob:pw@localhost/parakeet");
    assertThat(url.driverUrl()).isEqualTo("jdbc:postgresql://localhost/parakeet");
    assertThat(url.user()).isEqualTo("bob");
    assertThat(url.password()).isEqualTo("pw");
    assertThat(url.location()).isEqualTo("localhost/parakeet");
  }

  @Test
  void aSqliteUrlNamesAnAbsoluteFile() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:sqlite:relative/p.db?cache_size=2000");
    Path expected = Path.of("relative/p.db").toAbsolutePath().normalize();
    assertThat(url.vendor()).isEqualTo(Vendor.SQLITE);
    assertThat(url.sqliteFile()).isEqualTo(expected);
    assertThat(url.driverUrl()).isEqualTo("jdbc:sqlite:" + expected + "?cache_size=2000");
    assertThat(url.toString()).isEqualTo("SQLite " + expected);
    assertThat(DatabaseUrl.parse("jdbc:sqlite:file:/tmp/x.db").sqliteFile()).isEqualTo(Path.of("/tmp/x.db"));
  }

  @Test
  void inMemorySqliteHasNoFile() {
    assertThat(DatabaseUrl.parse("jdbc:sqlite::memory:").isSqliteFile()).isFalse();
    assertThat(DatabaseUrl.parse("jdbc:sqlite:").isSqliteFile()).isFalse();
    assertThat(DatabaseUrl.parse("jdbc:sqlite:file:x?mode=memory").isSqliteFile())
        .as("mode=memory is in the query of a file: URI")
        .isFalse();
    assertThat(Database.inMemory("jdbc:sqlite:file::memory:?cache=shared")).isTrue();
    assertThat(Database.inMemory("jdbc:sqlite:/tmp/x.db")).isFalse();
    assertThat(Database.inMemory("jdbc:postgresql://localhost/parakeet")).isFalse();
    assertThat(Database.sqliteFile("jdbc:sqlite::memory:")).isEmpty();
    assertThat(Database.sqliteFile("jdbc:sqlite:/tmp/x.db")).contains(Path.of("/tmp/x.db"));
  }
}

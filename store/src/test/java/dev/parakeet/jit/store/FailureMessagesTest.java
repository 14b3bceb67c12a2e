package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a caller sees when storage fails: a StoreException, one line, never a password. */
class FailureMessagesTest {

  private static final String PASSWORD = "hunter2-S3cret";

  @Test
  void aPostgresServerThatIsNotThereFailsWithoutThePassword() throws IOException {
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/parakeet?user=alice&password=" + PASSWORD
        + "&connectTimeout=5";

    assertThatThrownBy(() -> Database.open(url))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> assertNoSecret(e, PASSWORD))
        .hasMessageStartingWith("could not open PostgreSQL 127.0.0.1:")
        .hasMessageContaining("refused");
  }

  @Test
  void aRealServerRefusingTheDatabaseFailsWithoutThePassword() {
    String url = "jdbc:postgresql://localhost:" + EmbeddedPostgresServer.port()
        + "/no_such_database?user=postgres&password=" + PASSWORD;

    assertThatThrownBy(() -> Database.open(url))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> assertNoSecret(e, PASSWORD))
        .hasMessageContaining("no_such_database");
  }

  @Test
  void aPasswordGivenAsUserInfoIsKeptOutToo() throws IOException {
    String url = "jdbc:postgresql://alice:" + PASSWORD + "@127.0.0.1:" + closedPort() + "/parakeet";
    assertThatThrownBy(() -> Database.open(url))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> assertNoSecret(e, PASSWORD));
  }

  @Test
  void anUnsupportedUrlNamesOnlyItsScheme() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://root:" + PASSWORD + "@db/parakeet"))
        .isInstanceOf(StoreException.class)
        .hasMessage("unsupported database URL jdbc:mysql: — use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB")
        .satisfies(e -> assertNoSecret(e, PASSWORD));
    assertThatThrownBy(() -> Database.open(" "))
        .isInstanceOf(StoreException.class)
        .hasMessage("no database URL given");
  }

  @Test
  void anUnwritableSqliteLocationFailsAsAStoreException() {
    assertThatThrownBy(() -> Database.open("jdbc:sqlite:/proc/parakeet/parakeet.db"))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("could not open SQLite /proc/parakeet/parakeet.db: cannot create or lock ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void cleaningStripsSecretsPasswordParametersAndLineBreaks() {
    Failures failures = new Failures(Set.of("s3cr3t"));
    assertThat(failures.clean("login s3cr3t failed\n  at line 2\r\n  again"))
        .isEqualTo("login *** failed at line 2 again");
    assertThat(failures.clean("jdbc:postgresql://h/db?user=u&password=other&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
    assertThat(failures.clean("jdbc:postgresql://u:pw@h/db")).isEqualTo("jdbc:postgresql://u:***@h/db");
    assertThat(failures.clean("x".repeat(600))).hasSize(500);
  }

  private static void assertNoSecret(Throwable e, String secret) {
    assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("\n");
    // Nor anywhere a stack trace would print it.
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
      assertThat(t.toString()).doesNotContain(secret);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort(); // free now, and nothing will listen on it
    }
  }
}

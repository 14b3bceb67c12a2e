package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.store.StallingPostgresServer.Mode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A PostgreSQL server that accepts the connection and then never answers — before the login, or
 * after it — must not hang whoever opens the store: opening fails with one line that names the
 * server and not the password, and the store closes the socket it opened. (The JUnit timeout is a
 * backstop that turns a hang into a failure; the bound itself is in {@link Timeouts}.)
 */
class ConnectionTimeoutTest {

  private static final String PASSWORD = "hunter2-S3cret";

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void aServerThatStopsAnsweringFailsTheOpenAndItsConnectionIsClosed(Mode mode) throws Exception {
    try (StallingPostgresServer server = new StallingPostgresServer(mode)) {
      String where = "127.0.0.1:" + server.port() + "/parakeet";
      String url = "jdbc:postgresql://" + where + "?user=alice&password=" + PASSWORD;

      assertThatThrownBy(() -> Database.open(url))
          .isInstanceOf(StoreException.class)
          .hasMessage("could not open PostgreSQL " + where + ": the database server did not answer"
              + " within " + Timeouts.SOCKET_SECONDS + " s")
          .satisfies(e -> assertNoSecret(e, PASSWORD));

      List<StallingPostgresServer.Accepted> accepted = server.accepted();
      assertThat(accepted).isNotEmpty();
      for (StallingPostgresServer.Accepted connection : accepted) {
        assertThat(connection.awaitClosed(2L * Timeouts.LOGIN_SECONDS))
            .as("the store closed the connection it opened").isTrue();
      }
      if (mode == Mode.AFTER_STARTUP) {
        // The stall came after a real login, not before it.
        assertThat(accepted.get(0).loggedIn()).isTrue();
        assertThat(accepted.get(0).password()).isEqualTo(PASSWORD);
      }
    }
  }

  static void assertNoSecret(Throwable e, String secret) {
    assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("\n");
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
      assertThat(t.toString()).doesNotContain(secret);
    }
  }
}

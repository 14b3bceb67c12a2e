package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.secrets.Secrets;
import org.junit.jupiter.api.Test;

/** The database password joins the process's secrets, so the log output and other adapters hide it too. */
class PasswordRegistrationTest {

  @Test
  void theUrlsPasswordIsRegisteredWithTheProcess() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db.example/parakeet?user=coach&password=c0ach-Pa55word%21x");
    new Failures(url.secrets());
    assertThat(Secrets.process().scrub("FATAL: password c0ach-Pa55word!x rejected for coach"))
        .isEqualTo("FATAL: password [redacted] rejected for coach");
  }
}

package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.secrets.Secrets;
import dev.parakeet.jit.store.Backend;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's credentials are known to the process's scrubber (SPEC §9.2: never in logs, outputs,
 * stored rows or messages): the JWT secret from the configuration, a service key once a caller has
 * shown it (the server is configured with its digest only).
 */
class SecretRegistrationTest {

  @TempDir Path tempDir;

  @Test
  void theJwtSecretIsScrubbedOnceConfigured() {
    String secret = "RegistrationProbe-Zq8Xw2Lm4Np6Rt0Vy3Kb7Hd";
    assertThat(Secrets.process().scrub("token key " + secret)).contains(secret);
    AuthSettings.from(Map.of("PARAKEET_JWT_SECRET", secret));
    assertThat(Secrets.process().scrub("token key " + secret)).isEqualTo("token key " + Secrets.REDACTED);
  }

  @Test
  void aServiceKeyIsScrubbedOnceAServiceHasShownIt() {
    String key = "svc-registration-test-key-5e7a91-NEVER-LOG";
    Map<String, String> env = new HashMap<>();
    env.put("PARAKEET_SERVICE_KEY_HASHES", HexFormat.of().formatHex(Authenticator.sha256(key)));
    TestServer server = TestServer.start(Backend.SQLITE, tempDir, env);
    try {
      assertThat(Secrets.process().scrub(key)).as("only its digest is configured").isEqualTo(key);
      assertThat(new ApiClient(server.base(), key).get("/v1/strategies").status()).isEqualTo(200);
      assertThat(Secrets.process().scrub("echoed " + key)).isEqualTo("echoed " + Secrets.REDACTED);
    } finally {
      server.close();
      server.discard();
    }
  }
}

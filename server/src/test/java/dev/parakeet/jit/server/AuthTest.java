package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.parakeet.jit.store.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what (SPEC §10.2): lifter tokens, service keys, the open development mode. */
class AuthTest {

  @TempDir Path tempDir;

  private static final String GENERATE = "/v1/sessions/a-1/generate";

  @Test
  void badCredentialsAre401AndMissingRightsAre403() {
    try (TestServer server = TestServer.start(Backend.SQLITE, tempDir, TestServer.securedEnv())) {
      ApiClient anyone = server.anonymous();
      String body = Inputs.of("a-1");
      assertThat(anyone.postJson(GENERATE, body).status()).isEqualTo(401);
      ApiClient.Response missing = anyone.postJson(GENERATE, body);
      assertThat(missing.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

      JWTClaimsSet expired =
          Tokens.claims("alice").expirationTime(Date.from(Instant.now().minus(Duration.ofHours(2)))).build();
      assertRefused(anyone.as(Tokens.hs256(expired)), "expired");
      assertRefused(anyone.as(Tokens.sign(Tokens.macSigner("another-secret-0123456789-0123456789-xyz"), JWSAlgorithm.HS256, null,
          Tokens.claims("alice").build())), "wrong signature");
      assertRefused(anyone.as(Tokens.unsecured("alice")), "alg none");
      assertRefused(anyone.as(Tokens.hs256(Tokens.claims("alice").audience("someone-else").build())), "wrong audience");
      assertRefused(anyone.as(Tokens.hs256(Tokens.claims("alice").issuer("https://evil.test/").build())), "wrong issuer");
      assertRefused(anyone.as(Tokens.hs256(new JWTClaimsSet.Builder().subject("alice").issuer(Tokens.ISSUER)
          .audience(Tokens.AUDIENCE).build())), "no exp");
      assertRefused(anyone.as("not-a-key-and-not-a-token"), "garbage");
      String valid = Tokens.hs256("alice");
      String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
      assertRefused(anyone.as(tampered), "tampered signature");
      assertThat(nothingStored(server)).isTrue();

      assertThat(server.lifter("alice").postJson(GENERATE, body).status()).isEqualTo(200);
      assertThat(server.lifter("alice").get("/v1/comparisons").status()).isEqualTo(403);
      assertThat(server.lifter("alice").send("DELETE", "/v1/comparisons", null, null).status()).isEqualTo(403);
    }
  }

  private static void assertRefused(ApiClient client, String why) {
    ApiClient.Response response = client.postJson(GENERATE, Inputs.of("a-1"));
    assertThat(response.status()).as(why + ": " + response).isEqualTo(401);
    assertThat(response.json().get("type").asText()).isEqualTo("urn:parakeet:problem:unauthenticated");
  }

  private static boolean nothingStored(TestServer server) {
    return server.service().get("/v1/sessions/a-1").status() == 404;
  }

  @Test
  void publishedKeysVerifyRs256AndEs256AndAreCachedAndRefreshed() throws JOSEException {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    RSAKey rotated = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
    try (JwksServer jwks = new JwksServer(List.of(rsa, ec))) {
      Map<String, String> env = new HashMap<>();
      env.put("PARAKEET_JWT_JWKS_URL", jwks.url());
      env.put("PARAKEET_JWT_AUDIENCE", Tokens.AUDIENCE);
      AuthSettings auth = AuthSettings.from(env).withJwksMinRefreshInterval(Duration.ZERO);
      try (TestServer server = TestServer.start(Backend.SQLITE, Backend.SQLITE.newUrl(tempDir), env, auth)) {
        String rsaToken = Tokens.sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "rsa-1", Tokens.claims("alice").build());
        String ecToken = Tokens.sign(new ECDSASigner(ec), JWSAlgorithm.ES256, "ec-1", Tokens.claims("bob").build());
        ApiClient alice = server.anonymous().as(rsaToken);
        assertThat(alice.postJson(GENERATE, Inputs.of("a-1")).status()).isEqualTo(200);
        assertThat(alice.get("/v1/sessions/a-1").status()).isEqualTo(200);
        assertThat(server.anonymous().as(ecToken).get("/v1/sessions/a-1").status()).as("bob's, not alice's").isEqualTo(403);
        assertThat(jwks.fetches()).as("the key set is cached").isEqualTo(1);

        // The provider rotates its key: a token naming the new key makes the server fetch again.
        jwks.publish(List.of(rotated, ec));
        String rotatedToken = Tokens.sign(new RSASSASigner(rotated), JWSAlgorithm.RS256, "rsa-2", Tokens.claims("alice").build());
        assertThat(server.anonymous().as(rotatedToken).get("/v1/sessions/a-1").status()).isEqualTo(200);
        assertThat(jwks.fetches()).isEqualTo(2);

        // HS256 is not accepted when only a key set is configured (no algorithm confusion).
        assertThat(server.anonymous().as(Tokens.hs256("alice")).get("/v1/sessions/a-1").status()).isEqualTo(401);
        // A key the provider never published: refused.
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        String forged = Tokens.sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, "rsa-1", Tokens.claims("alice").build());
        assertThat(server.anonymous().as(forged).get("/v1/sessions/a-1").status()).isEqualTo(401);
      }
    }
  }

  @Test
  void withNoCredentialsTheServerRunsOpenOnLoopbackOnly() {
    try (TestServer open = TestServer.start(Backend.SQLITE, tempDir, Map.of())) {
      assertThat(open.server().open()).isTrue();
      assertThat(open.anonymous().postJson(GENERATE, Inputs.of("a-1")).status()).isEqualTo(200);
      assertThat(open.anonymous().get("/metrics").status()).isEqualTo(200);
    }
    assertThatThrownBy(() -> TestServer.start(Backend.SQLITE, tempDir, Map.of("PARAKEET_HTTP_HOST", "0.0.0.0")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refusing to listen on 0.0.0.0");
  }

  @Test
  void misconfiguredCredentialsAreRefusedByName() {
    assertThatThrownBy(() -> AuthSettings.from(Map.of("PARAKEET_JWT_SECRET", "short")))
        .hasMessageContaining("PARAKEET_JWT_SECRET must be at least 32 bytes")
        .hasMessageNotContaining("short");
    assertThatThrownBy(() -> AuthSettings.from(Map.of("PARAKEET_SERVICE_KEY_HASHES", "abc,def")))
        .hasMessageContaining("entry 1 is not a SHA-256 digest");
  }
}

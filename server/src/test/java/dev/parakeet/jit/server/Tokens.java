package dev.parakeet.jit.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Lifter tokens for the tests, signed with Nimbus as an auth provider would sign them. */
final class Tokens {

  static final String SECRET = "test-secret-0123456789-0123456789-abcdef";
  static final String ISSUER = "https://auth.parakeet.test/";
  static final String AUDIENCE = "parakeet-api";

  private Tokens() {}

  static JWTClaimsSet.Builder claims(String subject) {
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))));
  }

  static String hs256(String subject) {
    return hs256(claims(subject).build());
  }

  static MACSigner macSigner(String secret) {
    try {
      return new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sign(JWSSigner signer, JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hs256(JWTClaimsSet claims) {
    return sign(macSigner(SECRET), JWSAlgorithm.HS256, null, claims);
  }

  /** An unsecured token ({@code alg: none}) carrying valid-looking claims. */
  static String unsecured(String subject) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(claims(subject).build().toString().getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".";
  }
}

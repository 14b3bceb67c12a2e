package dev.parakeet.jit.server;

import dev.parakeet.jit.secrets.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The credentials the server accepts (SPEC §10.2), from the environment. With none configured the
 * server runs open, and only on a loopback address.
 *
 * @param jwtSecret the HS256 key ({@code PARAKEET_JWT_SECRET}), or null
 * @param jwksUrl where the RS256/ES256 keys are published ({@code PARAKEET_JWT_JWKS_URL}), or null
 * @param issuer the required {@code iss}, or null
 * @param audience the required {@code aud}, or null
 * @param serviceKeyHashes SHA-256 digests of the service keys ({@code PARAKEET_SERVICE_KEY_HASHES})
 * @param jwksMinRefreshInterval the least time between two fetches of the key set (a token naming
 *     an unknown key triggers one; this bounds how often a stranger can make us fetch)
 */
public record AuthSettings(
    byte[] jwtSecret,
    URI jwksUrl,
    String issuer,
    String audience,
    List<byte[]> serviceKeyHashes,
    Duration jwksMinRefreshInterval) {

  /** HS256 needs a key of at least 256 bits (RFC 7518 §3.2). */
  static final int MIN_SECRET_BYTES = 32;

  public AuthSettings {
    serviceKeyHashes = List.copyOf(serviceKeyHashes);
    if (jwtSecret != null && jwtSecret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "PARAKEET_JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes (256 bits) for HS256, was "
              + jwtSecret.length);
    }
  }

  /** @throws IllegalArgumentException naming the setting that is wrong (never echoing a secret) */
  public static AuthSettings from(Map<String, String> env) {
    String secret = blankToNull(env.get("PARAKEET_JWT_SECRET"));
    // Known to the process's scrubber from here on: no log line, problem or stored row shows it.
    Secrets.process().register(secret);
    String jwks = blankToNull(env.get("PARAKEET_JWT_JWKS_URL"));
    URI jwksUrl = null;
    if (jwks != null) {
      try {
        jwksUrl = new URI(jwks);
        if (!"https".equals(jwksUrl.getScheme()) && !"http".equals(jwksUrl.getScheme())) {
          throw new URISyntaxException(jwks, "not an http(s) URL");
        }
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("PARAKEET_JWT_JWKS_URL is not an http(s) URL: " + e.getReason(), e);
      }
    }
    return new AuthSettings(
        secret == null ? null : secret.getBytes(StandardCharsets.UTF_8),
        jwksUrl,
        blankToNull(env.get("PARAKEET_JWT_ISSUER")),
        blankToNull(env.get("PARAKEET_JWT_AUDIENCE")),
        hashes(env.get("PARAKEET_SERVICE_KEY_HASHES")),
        Duration.ofSeconds(30));
  }

  /** No credentials of any kind configured: the development mode. */
  public boolean open() {
    return jwtSecret == null && jwksUrl == null && serviceKeyHashes.isEmpty();
  }

  boolean acceptsTokens() {
    return jwtSecret != null || jwksUrl != null;
  }

  AuthSettings withJwksMinRefreshInterval(Duration interval) {
    return new AuthSettings(jwtSecret, jwksUrl, issuer, audience, serviceKeyHashes, interval);
  }

  private static List<byte[]> hashes(String value) {
    List<byte[]> hashes = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return hashes;
    }
    int position = 0;
    for (String part : value.split(",")) {
      position++;
      String hex = part.strip().toLowerCase(Locale.ROOT);
      if (hex.isEmpty()) {
        continue;
      }
      if (!hex.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "PARAKEET_SERVICE_KEY_HASHES entry " + position + " is not a SHA-256 digest (64 hex digits)");
      }
      hashes.add(HexFormat.of().parseHex(hex));
    }
    return hashes;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

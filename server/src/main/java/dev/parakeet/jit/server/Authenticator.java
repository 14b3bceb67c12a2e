package dev.parakeet.jit.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.parakeet.jit.secrets.Secrets;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Turns an {@code Authorization} header into a {@link Principal} (SPEC §10.2): a service key by
 * its SHA-256 digest, else a lifter's JWT — HS256 under the shared secret or RS256/ES256 against
 * the published key set — with {@code exp} (and {@code iss}/{@code aud} when configured) enforced
 * by Nimbus JOSE + JWT. Unsecured ({@code alg: none}) tokens and algorithms not configured are
 * refused by the library's key selection. Thread-safe.
 */
final class Authenticator {

  private static final String BEARER = "bearer ";
  private static final Set<JWSAlgorithm> PUBLIC_KEY_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  private final AuthSettings settings;
  private final DefaultJWTProcessor<SecurityContext> tokens;
  /**
   * The service keys callers have shown, by their digest's position (null until shown): the
   * process's scrubber knows these, and they are recognised without hashing.
   */
  private final AtomicReferenceArray<byte[]> knownKeys;

  Authenticator(AuthSettings settings) {
    this.settings = settings;
    this.tokens = settings.acceptsTokens() ? processor(settings) : null;
    this.knownKeys = new AtomicReferenceArray<>(settings.serviceKeyHashes().size());
  }

  boolean open() {
    return settings.open();
  }

  /**
   * @param authorization the header's value, or null
   * @throws ApiProblem 401 when the credential is missing or not valid
   */
  Principal authenticate(String authorization) {
    if (settings.open()) {
      return new Principal.Open();
    }
    if (authorization == null || authorization.isBlank()) {
      throw Problems.unauthenticated("an Authorization: Bearer credential is required");
    }
    if (authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw Problems.unauthenticated("the Authorization header must be: Bearer <token or service key>");
    }
    String credential = authorization.substring(BEARER.length()).strip();
    if (isServiceKey(credential)) {
      return new Principal.Service();
    }
    if (tokens == null) {
      throw Problems.unauthenticated("the credential is not a valid service key");
    }
    try {
      JWTClaimsSet claims = tokens.process(credential, null);
      String subject = claims.getSubject();
      // The subject becomes a stored lifter id: it obeys the same rules as one (SPEC §1.2).
      if (!LifterIds.violations("sub", subject).isEmpty()) {
        throw Problems.unauthenticated("the token's sub is not a lifter id (1..200 characters, no control characters)");
      }
      return new Principal.Lifter(subject);
    } catch (ParseException e) {
      throw Problems.unauthenticated("the credential is neither a service key nor a JWT");
    } catch (BadJOSEException | JOSEException e) {
      throw Problems.unauthenticated("the token was refused: " + oneLine(e.getMessage()));
    }
  }

  private boolean isServiceKey(String credential) {
    if (settings.serviceKeyHashes().isEmpty()) {
      return false;
    }
    byte[] shown = credential.getBytes(StandardCharsets.UTF_8);
    // A key already shown and matched is compared as it is (in constant time, with every one
    // known): no digest per request. Anything else is hashed and compared with the digests.
    boolean known = false;
    for (int i = 0; i < knownKeys.length(); i++) {
      byte[] key = knownKeys.get(i);
      if (key != null && MessageDigest.isEqual(shown, key)) {
        known = true;
      }
    }
    if (known) {
      return true;
    }
    byte[] digest = sha256(shown);
    int match = -1;
    // Compare with every configured digest, in constant time, so timing tells nothing.
    List<byte[]> hashes = settings.serviceKeyHashes();
    for (int i = 0; i < hashes.size(); i++) {
      if (MessageDigest.isEqual(digest, hashes.get(i))) {
        match = i;
      }
    }
    if (match >= 0 && knownKeys.compareAndSet(match, null, shown)) {
      // The server is configured with digests only; the key itself is known once a caller shows
      // it, and from then on the process's scrubber removes it from every output.
      Secrets.process().register(credential);
    }
    return match >= 0;
  }

  static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static DefaultJWTProcessor<SecurityContext> processor(AuthSettings settings) {
    JWSKeySelector<SecurityContext> hs256 =
        settings.jwtSecret() == null
            ? null
            : new JWSVerificationKeySelector<>(
                JWSAlgorithm.HS256, new ImmutableSecret<>(settings.jwtSecret()));
    JWSKeySelector<SecurityContext> published = null;
    if (settings.jwksUrl() != null) {
      JWKSource<SecurityContext> keys;
      try {
        keys =
            JWKSourceBuilder.<SecurityContext>create(settings.jwksUrl().toURL())
                .rateLimited(settings.jwksMinRefreshInterval().toMillis())
                .retrying(true)
                .build();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("PARAKEET_JWT_JWKS_URL is not a URL", e);
      }
      published = new JWSVerificationKeySelector<>(PUBLIC_KEY_ALGORITHMS, keys);
    }
    JWSKeySelector<SecurityContext> byAlgorithm = byAlgorithm(hs256, published);
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(byAlgorithm);
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    if (settings.issuer() != null) {
      exact.issuer(settings.issuer());
    }
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            settings.audience(), exact.build(), new HashSet<>(List.of("sub", "exp"))));
    return processor;
  }

  /** HS256 tokens go to the shared secret, RS256/ES256 to the key set; anything else has no key. */
  private static JWSKeySelector<SecurityContext> byAlgorithm(
      JWSKeySelector<SecurityContext> hs256, JWSKeySelector<SecurityContext> published) {
    return (JWSHeader header, SecurityContext context) -> {
      if (JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
        return hs256 == null ? List.<Key>of() : hs256.selectJWSKeys(header, context);
      }
      if (PUBLIC_KEY_ALGORITHMS.contains(header.getAlgorithm())) {
        return published == null ? List.<Key>of() : published.selectJWSKeys(header, context);
      }
      return List.<Key>of();
    };
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "invalid token";
    }
    String line = message.replaceAll("\\p{Cntrl}+", " ").strip();
    return line.length() > 200 ? line.substring(0, 197) + "..." : line;
  }
}

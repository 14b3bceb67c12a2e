package dev.parakeet.jit.server;

import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.store.Backend;
import dev.parakeet.jit.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** A real server on a free loopback port, on a fresh database of the given backend. */
final class TestServer implements AutoCloseable {

  static final String SERVICE_KEY = "svc-test-key-4f1c9e-NEVER-LOG";

  private final Backend backend;
  private final String dbUrl;
  private final ParakeetServer server;
  private final ByteArrayOutputStream accessLog;

  private TestServer(Backend backend, String dbUrl, ParakeetServer server, ByteArrayOutputStream accessLog) {
    this.backend = backend;
    this.dbUrl = dbUrl;
    this.server = server;
    this.accessLog = accessLog;
  }

  /** The environment of a server that accepts HS256 lifter tokens and the test service key. */
  static Map<String, String> securedEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("PARAKEET_JWT_SECRET", Tokens.SECRET);
    env.put("PARAKEET_JWT_ISSUER", Tokens.ISSUER);
    env.put("PARAKEET_JWT_AUDIENCE", Tokens.AUDIENCE);
    env.put("PARAKEET_SERVICE_KEY_HASHES", serviceKeyHash());
    return env;
  }

  static String serviceKeyHash() {
    return HexFormat.of().formatHex(Authenticator.sha256(SERVICE_KEY));
  }

  static TestServer start(Backend backend, Path tempDir, Map<String, String> env) {
    return start(backend, backend.newUrl(tempDir), env);
  }

  /** On an existing database ({@code dbUrl}); the caller discards it. */
  static TestServer start(Backend backend, String dbUrl, Map<String, String> env) {
    return start(backend, dbUrl, env, AuthSettings.from(env));
  }

  static TestServer start(Backend backend, String dbUrl, Map<String, String> env, AuthSettings auth) {
    Map<String, String> withPort = new HashMap<>(env);
    withPort.putIfAbsent("PARAKEET_HTTP_PORT", "0");
    ServerSettings settings = ServerSettings.from(withPort, null, null, StrategySetting.AUTO);
    LlmSettings llm = LlmSettings.from(withPort, LlmSettings.Overrides.NONE);
    Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ParakeetServer server =
        ParakeetServer.start(
            settings, auth, llm, Database.open(dbUrl, clock), clock, new PrintStream(log, true, StandardCharsets.UTF_8));
    return new TestServer(backend, dbUrl, server, log);
  }

  String base() {
    return server.address();
  }

  int port() {
    return server.port();
  }

  String dbUrl() {
    return dbUrl;
  }

  ApiClient service() {
    return new ApiClient(base(), SERVICE_KEY);
  }

  ApiClient lifter(String lifterId) {
    return new ApiClient(base(), Tokens.hs256(lifterId));
  }

  ApiClient anonymous() {
    return new ApiClient(base(), null);
  }

  String accessLog() {
    return accessLog.toString(StandardCharsets.UTF_8);
  }

  ParakeetServer server() {
    return server;
  }

  /** Stops the server; the database is dropped by {@link #discard()} (or the test's temp dir). */
  @Override
  public void close() {
    server.stop();
  }

  void discard() {
    backend.discard(dbUrl);
  }
}

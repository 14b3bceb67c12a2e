package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.store.Backend;
import dev.parakeet.jit.wire.JitJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness follows the database (SPEC §10.3, §10.4): {@code /readyz} is 503 while the database is
 * down or its schema is not this version's, and 200 again once it is back; a generation meanwhile
 * is 503 with {@code Retry-After} and the session.
 */
class ReadinessTest {

  @TempDir Path tempDir;

  /** The schema this build ships, gone and back: on both databases. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Backend.class)
  void aSchemaThatIsNotThisVersionsIsNotReady(Backend backend) throws SQLException {
    TestServer server = TestServer.start(backend, tempDir, TestServer.securedEnv());
    try {
      ApiClient anyone = server.anonymous();
      assertThat(anyone.get("/readyz").status()).isEqualTo(200);
      sql(backend, server.dbUrl(), "ALTER TABLE flyway_schema_history RENAME TO flyway_elsewhere");
      ApiClient.Response notReady = anyone.get("/readyz");
      assertThat(notReady.status()).isEqualTo(503);
      assertThat(notReady.header("Retry-After")).contains("5");
      sql(backend, server.dbUrl(), "ALTER TABLE flyway_elsewhere RENAME TO flyway_schema_history");
      assertThat(anyone.get("/readyz").status()).isEqualTo(200);
    } finally {
      server.close();
      server.discard();
    }
  }

  /** A PostgreSQL of its own, stopped and started again on the same data and port. */
  @Test
  void aStoppedDatabaseIsNotReadyAndAGenerationStillHandsBackItsSession() throws IOException {
    Path data = tempDir.resolve("pg");
    EmbeddedPostgres postgres = postgres(data, 0);
    int port = postgres.getPort();
    String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    TestServer server = TestServer.start(Backend.POSTGRESQL, url, TestServer.securedEnv());
    try {
      ApiClient anyone = server.anonymous();
      ApiClient service = server.service();
      assertThat(anyone.get("/readyz").status()).isEqualTo(200);
      assertThat(service.postJson("/v1/sessions/up-1/generate", Inputs.of("up-1")).status()).isEqualTo(200);

      postgres.close();
      ApiClient.Response notReady = anyone.get("/readyz");
      assertThat(notReady.status()).isEqualTo(503);
      assertThat(notReady.header("Retry-After")).contains("5");
      ApiClient.Response generated = service.postJson("/v1/sessions/down-1/generate?strategy=formula", Inputs.of("down-1"));
      assertThat(generated.status()).isEqualTo(503);
      assertThat(generated.header("Retry-After")).contains("5");
      JsonNode problem = generated.json();
      assertThat(problem.get("type").asText()).isEqualTo("urn:parakeet:problem:store-unavailable");
      JitOutput session = JitJson.mapper().convertValue(problem.get("session"), JitOutput.class);
      assertThat(session.sessionId()).isEqualTo("down-1");
      assertThat(session.mainLiftSets()).hasSize(2);
      // A lifter's ownership check is a read: failing, it still gets the session.
      ApiClient.Response lifters = server.lifter("alice").postJson("/v1/sessions/down-2/generate?strategy=formula", Inputs.of("down-2"));
      assertThat(lifters.status()).isEqualTo(503);
      assertThat(lifters.json().get("session").get("sessionId").asText()).isEqualTo("down-2");

      postgres = postgres(data, port);
      assertThat(anyone.get("/readyz").status()).isEqualTo(200);
      assertThat(service.postJson("/v1/sessions/down-1/generate", Inputs.of("down-1")).status()).isEqualTo(200);
      assertThat(service.get("/v1/sessions/up-1").status()).as("the data survived").isEqualTo(200);
    } finally {
      server.close();
      try {
        postgres.close();
      } catch (IOException | RuntimeException alreadyStopped) {
        // Stopped by the test itself when it failed before the restart.
      }
    }
  }

  private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("fsync", "off");
    if (port != 0) {
      builder.setPort(port);
    }
    return builder.start();
  }

  private static void sql(Backend backend, String url, String statement) throws SQLException {
    String jdbc = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    try (Connection c = backend == Backend.SQLITE ? DriverManager.getConnection(jdbc) : DriverManager.getConnection(jdbc, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}

package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.store.Backend;
import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database that refuses writes after the session was generated (SPEC §10.4): 503 with
 * Retry-After, and the session in the problem so the app can still show it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class StoreFailureTest {

  private final Backend backend;
  @TempDir Path tempDir;

  StoreFailureTest(Backend backend) {
    this.backend = backend;
  }

  @Test
  void aFailedWriteIs503WithRetryAfterAndTheSession() throws SQLException {
    TestServer server = TestServer.start(backend, tempDir, TestServer.securedEnv());
    try {
      refuseHistoryWrites(server.dbUrl());
      ApiClient.Response response = server.lifter("alice").postJson("/v1/sessions/f-1/generate", Inputs.of("f-1"));
      assertThat(response.status()).isEqualTo(503);
      assertThat(response.header("Retry-After")).contains("5");
      JsonNode problem = response.json();
      assertThat(problem.get("type").asText()).isEqualTo("urn:parakeet:problem:store-unavailable");
      assertThat(problem.get("detail").asText()).doesNotContain("disk on fire").doesNotContain("localhost");
      JitOutput session = JitJson.mapper().convertValue(problem.get("session"), JitOutput.class);
      assertThat(session.sessionId()).isEqualTo("f-1");
      assertThat(session.mainLiftSets()).hasSize(2);
      assertThat(server.service().get("/v1/sessions/f-1").status()).as("nothing half-written").isEqualTo(404);
      assertThat(server.service().get("/metrics").body())
          .contains("parakeet_database_seconds_count{operation=\"record\",outcome=\"error\"} 1");
    } finally {
      server.close();
      server.discard();
    }
  }

  /** A trigger that fails every append to the history: the write transaction fails whole. */
  private void refuseHistoryWrites(String url) throws SQLException {
    String jdbc = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    try (Connection c = backend == Backend.SQLITE ? DriverManager.getConnection(jdbc) : DriverManager.getConnection(jdbc, "postgres", "");
        Statement s = c.createStatement()) {
      if (backend == Backend.SQLITE) {
        s.execute("CREATE TRIGGER disk_on_fire BEFORE INSERT ON session_generations BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
      } else {
        s.execute("CREATE FUNCTION disk_on_fire() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$ LANGUAGE plpgsql");
        s.execute("CREATE TRIGGER disk_on_fire BEFORE INSERT ON session_generations FOR EACH ROW EXECUTE FUNCTION disk_on_fire()");
      }
    }
  }
}

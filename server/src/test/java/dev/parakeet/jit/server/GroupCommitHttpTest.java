package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.store.Backend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many generations at once over real HTTP, recorded through the group commit (SPEC §10.3, §10.4):
 * every 200 is a session that is stored (read back on another connection right after its answer),
 * regenerations of one session all land in its history with strictly increasing revisions, and a
 * database that refuses writes answers every request of the group 503 with the session.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GroupCommitHttpTest {

  private static final int SESSIONS = 8;
  private static final int TIMES = 4;

  private final Backend backend;
  @TempDir Path tempDir;
  private TestServer server;
  private ExecutorService clients;

  GroupCommitHttpTest(Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void start() {
    server = TestServer.start(backend, tempDir, TestServer.securedEnv());
    clients = Executors.newFixedThreadPool(SESSIONS * TIMES);
  }

  @AfterEach
  void stop() {
    clients.shutdownNow();
    server.close();
    server.discard();
  }

  @Test
  void everyAnsweredSessionIsStoredAndEveryRegenerationIsInTheHistory() throws Exception {
    ApiClient service = server.service();
    List<CompletableFuture<String>> calls = all(id -> {
      ApiClient.Response response = service.postJson("/v1/sessions/" + id + "/generate", Inputs.of(id));
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      // Answered after the commit: another connection reads it at once.
      assertThat(service.get("/v1/sessions/" + id).status()).isEqualTo(200);
      return id;
    });
    for (CompletableFuture<String> call : calls) {
      call.get();
    }
    for (int s = 0; s < SESSIONS; s++) {
      String id = "g-" + s;
      JsonNode generations = service.get("/v1/sessions/" + id + "/generations").json().get("generations");
      List<Integer> revisions = new ArrayList<>();
      generations.forEach(g -> revisions.add(g.get("revision").asInt()));
      assertThat(revisions).as(id).containsExactlyInAnyOrder(1, 2, 3, 4);
      assertThat(service.get("/v1/sessions/" + id).json().get("revision").asInt()).isEqualTo(TIMES);
    }
    assertThat(service.get("/metrics").body())
        .contains("parakeet_database_seconds_count{operation=\"record\",outcome=\"ok\"} " + SESSIONS * TIMES);
  }

  @Test
  void aDatabaseThatFailsAnswersEveryRequest503WithItsSessionAndRecovers() throws Exception {
    refuseHistoryWrites(true);
    ApiClient service = server.service();
    List<CompletableFuture<String>> calls = all(id -> {
      ApiClient.Response response = service.postJson("/v1/sessions/" + id + "/generate", Inputs.of(id));
      assertThat(response.status()).as(response.toString()).isEqualTo(503);
      assertThat(response.header("Retry-After")).isPresent();
      assertThat(response.json().get("session").get("sessionId").asText()).isEqualTo(id);
      return id;
    });
    for (CompletableFuture<String> call : calls) {
      call.get();
    }
    for (int s = 0; s < SESSIONS; s++) {
      assertThat(service.get("/v1/sessions/g-" + s).status()).as("nothing half-written").isEqualTo(404);
    }
    refuseHistoryWrites(false);
    assertThat(service.postJson("/v1/sessions/g-0/generate", Inputs.of("g-0")).status()).isEqualTo(200);
    assertThat(service.get("/v1/sessions/g-0").json().get("revision").asInt()).isEqualTo(1);
  }

  private interface Call {
    String run(String sessionId) throws Exception;
  }

  /** Every session {@link #TIMES} times, all released at once. */
  private List<CompletableFuture<String>> all(Call call) {
    CyclicBarrier together = new CyclicBarrier(SESSIONS * TIMES);
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int t = 0; t < TIMES; t++) {
      for (int s = 0; s < SESSIONS; s++) {
        String id = "g-" + s;
        calls.add(CompletableFuture.supplyAsync(() -> {
          try {
            together.await();
            return call.run(id);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, clients));
      }
    }
    return calls;
  }

  private void refuseHistoryWrites(boolean refuse) throws SQLException {
    String url = server.dbUrl();
    String jdbc = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    boolean sqlite = backend == Backend.SQLITE;
    try (Connection c = sqlite ? DriverManager.getConnection(jdbc) : DriverManager.getConnection(jdbc, "postgres", "");
        Statement s = c.createStatement()) {
      if (!refuse) {
        s.execute(sqlite ? "DROP TRIGGER disk_on_fire" : "DROP TRIGGER disk_on_fire ON session_generations");
      } else if (sqlite) {
        s.execute("CREATE TRIGGER disk_on_fire BEFORE INSERT ON session_generations BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
      } else {
        s.execute("CREATE FUNCTION disk_on_fire() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$ LANGUAGE plpgsql");
        s.execute("CREATE TRIGGER disk_on_fire BEFORE INSERT ON session_generations FOR EACH ROW EXECUTE FUNCTION disk_on_fire()");
      }
    }
  }
}

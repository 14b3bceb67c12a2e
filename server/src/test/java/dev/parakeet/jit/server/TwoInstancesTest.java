package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.store.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two stateless servers on one PostgreSQL (SPEC §10.4): regenerating the same sessions from both
 * at once, every generation lands in the history, revisions strictly increase, no request fails.
 */
class TwoInstancesTest {

  private static final int SESSIONS = 4;
  private static final int ROUNDS_PER_SERVER = 6;

  @Test
  void concurrentRegenerationsFromTwoInstancesAllLandInOrder() throws Exception {
    String url = Backend.POSTGRESQL.newUrl(null);
    try (TestServer one = TestServer.start(Backend.POSTGRESQL, url, TestServer.securedEnv());
        TestServer two = TestServer.start(Backend.POSTGRESQL, url, TestServer.securedEnv())) {
      ExecutorService clients = Executors.newFixedThreadPool(8);
      try {
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int round = 0; round < ROUNDS_PER_SERVER; round++) {
          for (int s = 0; s < SESSIONS; s++) {
            String id = "shared-" + s;
            for (TestServer server : List.of(one, two)) {
              statuses.add(clients.submit(() -> server.service().postJson("/v1/sessions/" + id + "/generate", Inputs.of(id, "alice")).status()));
            }
          }
        }
        for (Future<Integer> status : statuses) {
          assertThat(status.get()).isEqualTo(200);
        }
      } finally {
        clients.shutdownNow();
      }
      for (int s = 0; s < SESSIONS; s++) {
        JsonNode history = one.service().get("/v1/sessions/shared-" + s + "/generations").json().get("generations");
        assertThat(history).hasSize(ROUNDS_PER_SERVER * 2);
        for (int i = 0; i < history.size(); i++) {
          assertThat(history.get(i).get("revision").asInt()).isEqualTo(i + 1);
        }
        assertThat(two.service().get("/v1/sessions/shared-" + s).json().get("revision").asInt()).isEqualTo(ROUNDS_PER_SERVER * 2);
      }
    } finally {
      Backend.POSTGRESQL.discard(url);
    }
  }
}

package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.store.Backend;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two lifters creating the same new session at once (SPEC §10.2): the store's upsert is
 * conditional on the owner, so one wins and the other gets the 403 of "not yours"; nothing of the
 * winner's is overwritten and the loser's generation is nowhere in the history.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class OwnerRaceTest {

  private static final int ROUNDS = 12;

  private final Backend backend;
  @TempDir Path tempDir;

  OwnerRaceTest(Backend backend) {
    this.backend = backend;
  }

  @Test
  void oneOfTwoLiftersCreatingTheSameSessionWinsAndNothingIsOverwritten() throws Exception {
    TestServer server = TestServer.start(backend, tempDir, TestServer.securedEnv());
    try {
      ApiClient alice = server.lifter("alice");
      ApiClient bob = server.lifter("bob");
      for (int round = 0; round < ROUNDS; round++) {
        String id = "race-" + round;
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<ApiClient.Response> a = CompletableFuture.supplyAsync(() -> at(together, alice, id));
        CompletableFuture<ApiClient.Response> b = CompletableFuture.supplyAsync(() -> at(together, bob, id));
        List<Integer> statuses = List.of(a.get().status(), b.get().status());
        assertThat(statuses).as(id + ": " + a.get() + " / " + b.get()).containsExactlyInAnyOrder(200, 403);
        String winner = a.get().status() == 200 ? "alice" : "bob";
        ApiClient.Response loser = a.get().status() == 200 ? b.get() : a.get();
        assertThat(loser.json().get("detail").asText()).isEqualTo("this session is not one of yours");

        JsonNode stored = server.service().get("/v1/sessions/" + id).json();
        assertThat(stored.get("lifterId").asText()).isEqualTo(winner);
        assertThat(stored.get("revision").asInt()).isEqualTo(1);
        assertThat(server.service().get("/v1/sessions/" + id + "/generations").json().get("generations")).hasSize(1);
      }
    } finally {
      server.close();
      server.discard();
    }
  }

  @Test
  void aServiceRegeneratingASessionForAnotherLifterIsAConflict() {
    TestServer server = TestServer.start(backend, tempDir, TestServer.securedEnv());
    try {
      assertThat(server.lifter("alice").postJson("/v1/sessions/s-1/generate", Inputs.of("s-1")).status()).isEqualTo(200);
      ApiClient.Response conflict = server.service().postJson("/v1/sessions/s-1/generate", Inputs.of("s-1", "bob"));
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.json().get("type").asText()).isEqualTo("urn:parakeet:problem:owner-conflict");
      assertThat(server.service().get("/v1/sessions/s-1").json().get("lifterId").asText()).isEqualTo("alice");
      assertThat(server.service().postJson("/v1/sessions/s-1/generate", Inputs.of("s-1")).status())
          .as("an input that names no lifter regenerates it for its owner").isEqualTo(200);
      assertThat(server.service().get("/v1/sessions/s-1").json().get("revision").asInt()).isEqualTo(2);
    } finally {
      server.close();
      server.discard();
    }
  }

  private static ApiClient.Response at(CyclicBarrier together, ApiClient client, String id) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return client.postJson("/v1/sessions/" + id + "/generate", Inputs.of(id));
  }
}

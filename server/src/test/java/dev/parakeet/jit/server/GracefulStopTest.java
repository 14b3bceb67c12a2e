package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.FakeProviderServer;
import dev.parakeet.jit.fakes.Protocol;
import dev.parakeet.jit.store.Backend;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping (what SIGTERM does): stop accepting, finish the requests in flight, close the database. */
class GracefulStopTest {

  @TempDir Path tempDir;

  @Test
  void aRequestInFlightFinishesAndIsStoredThenNewConnectionsAreRefused() throws Exception {
    String answer = "{\"intensityModifier\":1.0,\"setModifier\":0,\"skipMainLift\":false,\"auxOverrides\":[],"
        + "\"rationale\":[\"Fine.\"],\"confidence\":\"high\"}";
    try (FakeProviderServer anthropic = FakeProviderServer.start(Protocol.ANTHROPIC)) {
      anthropic.whenIdle(Behavior.slow(Duration.ofMillis(1_500), Behavior.answer(answer)));
      Map<String, String> env = new HashMap<>(TestServer.securedEnv());
      env.put("ANTHROPIC_API_KEY", "sk-ant-test");
      env.put("ANTHROPIC_BASE_URL", anthropic.baseUrl());
      String url = Backend.SQLITE.newUrl(tempDir);
      TestServer server = TestServer.start(Backend.SQLITE, url, env);
      ApiClient service = server.service();
      CompletableFuture<ApiClient.Response> inFlight =
          CompletableFuture.supplyAsync(() -> service.postJson("/v1/sessions/g-1/generate?strategy=llm", Inputs.of("g-1")));
      assertThat(anthropic.takeRequest(Duration.ofSeconds(20))).isNotNull();

      server.close();

      ApiClient.Response finished = inFlight.get();
      assertThat(finished.status()).isEqualTo(200);
      assertThat(finished.output().jitStrategy()).isEqualTo(JitStrategy.LLM);
      assertThatThrownBy(() -> service.get("/healthz")).isInstanceOf(UncheckedIOException.class);

      try (TestServer again = TestServer.start(Backend.SQLITE, url, TestServer.securedEnv())) {
        assertThat(again.service().get("/v1/sessions/g-1").json().get("jit_strategy").asText())
            .as("the in-flight generation was stored before the database closed").isEqualTo("llm");
      }
    }
  }
}

package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.store.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation of the OpenAPI document answered once with its success status, through {@link
 * ApiClient} (so each answer is checked against the document): no route of SPEC §10.3 can exist
 * in the document without being served, or be served without its answer matching the document.
 */
class OpenApiCoverageTest {

  @TempDir Path tempDir;

  @Test
  void everyOperationIsServedAndItsAnswerMatchesTheDocument() {
    TestServer server = TestServer.start(Backend.SQLITE, tempDir, TestServer.securedEnv());
    List<String> answered = new ArrayList<>();
    try {
      ApiClient service = server.service();
      ApiClient alice = server.lifter("alice");
      List<ApiClient.Response> responses = List.of(
          alice.postJson("/v1/sessions/o-1/generate", Inputs.of("o-1")),
          service.postJson("/v1/sessions/o-2/generate?strategy=hybrid", Inputs.of("o-2", "bob")),
          alice.get("/v1/sessions/o-1"),
          alice.get("/v1/sessions/o-1/generations"),
          alice.get("/v1/sessions"),
          alice.send("PUT", "/v1/lifters/alice/settings", "application/json", "{\"jitStrategy\":\"formula\"}"),
          alice.get("/v1/lifters/alice/settings"),
          alice.get("/v1/strategies"),
          service.send("POST", "/v1/replay?store=false", "application/x-ndjson", Inputs.of("o-3") + "\n"),
          service.get("/v1/comparisons"),
          service.get("/v1/comparisons/summary"),
          service.delete("/v1/comparisons?olderThanDays=0"),
          server.anonymous().get("/healthz"),
          server.anonymous().get("/readyz"),
          service.get("/metrics"),
          server.anonymous().get("/openapi.json"));
      responses.forEach(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
    } finally {
      server.close();
      server.discard();
    }
    OpenApiContract.DOCUMENT.get("paths").properties().forEach(path ->
        path.getValue().fieldNames().forEachRemaining(method -> {
          String operation = method.toUpperCase(Locale.ROOT) + " " + path.getKey() + " 200";
          if (OpenApiContract.SEEN.contains(operation)) {
            answered.add(operation);
          } else {
            answered.add("MISSING " + operation);
          }
        }));
    assertThat(answered).noneMatch(o -> o.startsWith("MISSING"));
    assertThat(answered).hasSize(15);
  }
}

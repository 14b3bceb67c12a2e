package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.store.Backend;
import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The API end to end: the JDK client against a started server, on SQLite and on PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ServerApiTest {

  private final Backend backend;
  @TempDir Path tempDir;
  private TestServer server;
  private ApiClient service;

  ServerApiTest(Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void start() {
    server = TestServer.start(backend, tempDir, TestServer.securedEnv());
    service = server.service();
  }

  @AfterEach
  void stop() {
    server.close();
    server.discard();
  }

  @Test
  void generatesRecordsAndServesTheHistory() {
    ApiClient.Response first = service.postJson("/v1/sessions/s-1/generate", Inputs.of("s-1"));
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    JitOutput output = first.output();
    assertThat(output.jitStrategy()).isEqualTo(JitStrategy.FORMULA);
    assertThat(output.mainLiftSets()).hasSize(2).allSatisfy(set -> assertThat(set.weightKg()).isEqualTo(112.5));

    ApiClient.Response second = service.postJson("/v1/sessions/s-1/generate?strategy=formula", Inputs.of("s-1"));
    assertThat(second.status()).isEqualTo(200);

    JsonNode stored = service.get("/v1/sessions/s-1").json();
    assertThat(stored.get("revision").asInt()).isEqualTo(2);
    assertThat(stored.get("jit_strategy").asText()).isEqualTo("formula");
    assertThat(stored.get("jit_input_snapshot").get("oneRmKg").asInt()).isEqualTo(140);
    assertThat(JitJson.mapper().convertValue(stored.get("output"), JitOutput.class)).isEqualTo(second.output());

    JsonNode history = service.get("/v1/sessions/s-1/generations").json().get("generations");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("revision").asInt()).isEqualTo(1);
    assertThat(history.get(1).get("revision").asInt()).isEqualTo(2);
    assertThat(history.get(0).get("output").get("generatedAt").asText()).isEqualTo(output.generatedAt().toString());
    assertThat(history.get(0).get("decision").isNull()).as("the formula asked no model").isTrue();
  }

  @Test
  void aBodyWithoutASessionIdTakesThePathsAndTheSnapshotHasIt() {
    String withoutId = Inputs.of("p-1").replace("\"sessionId\":\"p-1\",", "");
    assertThat(withoutId).doesNotContain("sessionId");
    ApiClient.Response response = service.postJson("/v1/sessions/p-1/generate", withoutId);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.output().sessionId()).isEqualTo("p-1");
    JsonNode snapshot = service.get("/v1/sessions/p-1").json().get("jit_input_snapshot");
    assertThat(snapshot.get("sessionId").asText()).isEqualTo("p-1");
    assertThat(snapshot.get("oneRmKg").asInt()).isEqualTo(140);
    // The snapshot replays to the same session.
    ApiClient.Response replayed = service.send("POST", "/v1/replay?store=false", "application/x-ndjson", snapshot + "\n");
    assertThat(JitJson.readOutput(replayed.body().strip()).mainLiftSets()).isEqualTo(response.output().mainLiftSets());
  }

  @Test
  void aLifterGeneratesUnderItsOwnIdAndTheSnapshotStaysAsReceived() {
    ApiClient alice = server.lifter("alice");
    assertThat(alice.postJson("/v1/sessions/a-1/generate", Inputs.of("a-1")).status()).isEqualTo(200);
    JsonNode stored = alice.get("/v1/sessions/a-1").json();
    assertThat(stored.get("lifterId").asText()).isEqualTo("alice");
    assertThat(stored.get("jit_input_snapshot").has("lifterId")).isFalse();
    assertThat(alice.postJson("/v1/sessions/a-2/generate", Inputs.of("a-2", "alice")).status()).isEqualTo(200);
  }

  @Test
  void aLifterNeverLearnsWhetherAnotherLiftersSessionExists() {
    ApiClient alice = server.lifter("alice");
    ApiClient bob = server.lifter("bob");
    ApiClient.Response beforeItExists = bob.get("/v1/sessions/a-1");
    ApiClient.Response historyBefore = bob.get("/v1/sessions/a-1/generations");
    assertThat(alice.postJson("/v1/sessions/a-1/generate", Inputs.of("a-1")).status()).isEqualTo(200);
    ApiClient.Response onceItExists = bob.get("/v1/sessions/a-1");
    ApiClient.Response historyAfter = bob.get("/v1/sessions/a-1/generations");

    assertThat(onceItExists.status()).isEqualTo(403);
    assertThat(beforeItExists.status()).isEqualTo(403);
    assertThat(onceItExists.body()).isEqualTo(beforeItExists.body());
    assertThat(historyAfter.status()).isEqualTo(403);
    assertThat(historyAfter.json().get("detail")).isEqualTo(historyBefore.json().get("detail"));
    assertThat(alice.get("/v1/sessions/a-1").status()).isEqualTo(200);
    assertThat(service.get("/v1/sessions/nothing-here").status()).isEqualTo(404);
  }

  @Test
  void aLifterCannotGenerateForAnotherLifter() {
    ApiClient bob = server.lifter("bob");
    ApiClient.Response refused = bob.postJson("/v1/sessions/x-1/generate", Inputs.of("x-1", "alice"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("detail").asText()).contains("lifterId");
    assertThat(service.get("/v1/sessions/x-1").status()).as("nothing stored").isEqualTo(404);

    assertThat(server.lifter("alice").postJson("/v1/sessions/a-1/generate", Inputs.of("a-1")).status()).isEqualTo(200);
    ApiClient.Response takeover = bob.postJson("/v1/sessions/a-1/generate", Inputs.of("a-1"));
    assertThat(takeover.status()).isEqualTo(403);
    assertThat(takeover.body()).isEqualTo(bob.get("/v1/sessions/never-made").body().replace("/v1/sessions/never-made", "/v1/sessions/a-1/generate"));
    assertThat(service.get("/v1/sessions/a-1").json().get("revision").asInt()).as("history untouched").isEqualTo(1);
  }

  @Test
  void listsSessionsNewestFirstWithACursorAndOnlyTheLiftersOwn() {
    for (int i = 1; i <= 5; i++) {
      String lifter = i % 2 == 0 ? "bob" : "alice";
      assertThat(service.postJson("/v1/sessions/l-" + i + "/generate", Inputs.of("l-" + i, lifter)).status()).isEqualTo(200);
    }
    List<String> all = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = service.get("/v1/sessions?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.get("items").forEach(item -> all.add(item.get("sessionId").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(all).containsExactly("l-5", "l-4", "l-3", "l-2", "l-1");
    assertThat(pages).isEqualTo(3);

    JsonNode bobs = server.lifter("bob").get("/v1/sessions").json().get("items");
    assertThat(bobs).extracting(item -> item.get("sessionId").asText()).containsExactly("l-4", "l-2");
    assertThat(service.get("/v1/sessions?lifterId=alice&limit=100").json().get("items")).hasSize(3);
    assertThat(server.lifter("bob").get("/v1/sessions?lifterId=alice").status()).isEqualTo(403);
    assertThat(service.get("/v1/sessions?limit=0").status()).isEqualTo(400);
    ApiClient.Response badCursor = service.get("/v1/sessions?cursor=not-a-cursor");
    assertThat(badCursor.status()).isEqualTo(400);
    assertThat(badCursor.json().get("violations").get(0).get("path").asText()).isEqualTo("cursor");
  }

  @Test
  void hybridRunsAreLoggedListedAndPurged() {
    // No provider is configured: the hybrid's model side fails at once and the failure is logged.
    JitOutput output = service.postJson("/v1/sessions/h-1/generate?strategy=hybrid", Inputs.of("h-1", "alice")).output();
    assertThat(output.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
    assertThat(output.fallbackReason()).startsWith("not_configured:");

    JsonNode logs = service.get("/v1/comparisons").json().get("items");
    assertThat(logs).hasSize(1);
    assertThat(logs.get(0).get("sessionId").asText()).isEqualTo("h-1");
    assertThat(logs.get(0).get("surfaced").asBoolean()).isFalse();
    assertThat(logs.get(0).get("failureReason").asText()).startsWith("not_configured:");
    assertThat(service.get("/v1/comparisons?surfaced=true").json().get("items")).isEmpty();
    assertThat(service.get("/v1/comparisons?surfaced=false").json().get("items")).hasSize(1);
    assertThat(service.get("/v1/comparisons?surfaced=maybe").status()).isEqualTo(400);

    JsonNode summary = service.get("/v1/comparisons/summary").json();
    assertThat(summary.get("total").asInt()).isEqualTo(1);
    assertThat(summary.get("byStrategy").get("formula_fallback").asInt()).isEqualTo(1);
    assertThat(summary.get("fallbacksByReason").get("not_configured").asInt()).isEqualTo(1);
    assertThat(summary.get("compared").asInt()).isZero();
    assertThat(summary.get("surfacedShare").asDouble()).isZero();
    assertThat(summary.get("weightPct")).allSatisfy(bar -> assertThat(bar.get("count").asInt()).isZero());
    assertThat(summary.get("setDeltas")).isEmpty();
    assertThat(service.get("/v1/comparisons/summary?since=2999-01-01T00:00:00Z").json().get("total").asInt()).isZero();
    assertThat(server.lifter("alice").get("/v1/comparisons/summary").status()).isEqualTo(403);
    assertThat(service.get("/v1/comparisons?since=2999-01-01T00:00:00Z").json().get("items")).isEmpty();
    assertThat(service.get("/v1/comparisons?since=yesterday").status()).isEqualTo(400);

    assertThat(service.delete("/v1/comparisons").json().get("purged").asInt()).as("younger than 90 days").isZero();
    JsonNode purge = service.delete("/v1/comparisons?olderThanDays=0").json();
    assertThat(purge.get("purged").asInt()).isEqualTo(1);
    assertThat(service.get("/v1/comparisons").json().get("items")).isEmpty();
    assertThat(server.lifter("alice").get("/v1/comparisons").status()).isEqualTo(403);
  }

  @Test
  void replayStreamsOneLinePerInputInOrder() {
    String batch = Inputs.of("r-1") + "\n" + "{\"sessionId\":\"r-2\",\"primaryLift\":\"press\"}\n\n" + Inputs.of("r-3") + "\n";
    ApiClient.Response replay = service.send("POST", "/v1/replay", "application/x-ndjson", batch);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.contentType()).startsWith("application/x-ndjson");
    String[] lines = replay.body().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(JitJson.readOutput(lines[0]).sessionId()).isEqualTo("r-1");
    JsonNode rejected = JitJson.readTree(lines[1]);
    assertThat(rejected.get("line").asInt()).isEqualTo(2);
    assertThat(rejected.get("error").asText()).isEqualTo("input rejected");
    assertThat(rejected.get("violations").toString()).contains("primaryLift");
    assertThat(JitJson.readOutput(lines[2]).sessionId()).isEqualTo("r-3");
    assertThat(service.get("/v1/sessions/r-3").status()).isEqualTo(200);

    ApiClient.Response unstored = service.send("POST", "/v1/replay?store=false", "application/x-ndjson", Inputs.of("r-4") + "\n");
    assertThat(unstored.status()).isEqualTo(200);
    assertThat(service.get("/v1/sessions/r-4").status()).isEqualTo(404);
    assertThat(service.send("POST", "/v1/replay", "application/json", Inputs.of("r-5")).status()).isEqualTo(415);
    assertThat(server.lifter("alice").send("POST", "/v1/replay", "application/x-ndjson", Inputs.of("r-6")).status()).isEqualTo(403);
  }

  @Test
  void replayRecordsASessionRegeneratedByManyLinesInLineOrder() {
    StringBuilder batch = new StringBuilder();
    int lines = ReplayRoute.PARALLEL * 3;
    for (int i = 0; i < lines; i++) {
      // One session, a different 1RM on every line: the history must follow the lines.
      batch.append(Inputs.of("o-1").replace("\"oneRmKg\":140", "\"oneRmKg\":" + (100 + i))).append('\n');
    }
    ApiClient.Response replay = service.send("POST", "/v1/replay", "application/x-ndjson", batch.toString());
    assertThat(replay.body().split("\n")).hasSize(lines);
    JsonNode history = service.get("/v1/sessions/o-1/generations").json().get("generations");
    assertThat(history).hasSize(lines);
    for (int i = 0; i < lines; i++) {
      assertThat(history.get(i).get("revision").asInt()).isEqualTo(i + 1);
      assertThat(history.get(i).get("jit_input_snapshot").get("oneRmKg").asInt()).as("revision " + (i + 1)).isEqualTo(100 + i);
    }
  }

  @Test
  void aFormulaReplayOfManyChunksAnswersEveryLineInOrder() {
    int lines = ReplayRoute.CHUNK * 3 + 5;
    int rejectedLine = ReplayRoute.CHUNK + 7; // inside the second chunk
    StringBuilder batch = new StringBuilder();
    for (int i = 1; i <= lines; i++) {
      batch.append(i == rejectedLine ? "{\"sessionId\":\"bad\"}" : Inputs.of("c-" + i)).append('\n');
    }
    ApiClient.Response replay =
        service.send("POST", "/v1/replay?strategy=formula&store=false", "application/x-ndjson", batch.toString());
    String[] answers = replay.body().split("\n");
    assertThat(answers).hasSize(lines);
    for (int i = 1; i <= lines; i++) {
      if (i == rejectedLine) {
        assertThat(JitJson.readTree(answers[i - 1]).get("line").asInt()).isEqualTo(rejectedLine);
      } else {
        assertThat(JitJson.readOutput(answers[i - 1]).sessionId()).as("line " + i).isEqualTo("c-" + i);
      }
    }
    assertThat(service.get("/v1/sessions/c-1").status()).as("store=false").isEqualTo(404);
  }

  @Test
  void strategiesHealthReadinessMetricsAndTheDocument() {
    JsonNode strategies = server.lifter("alice").get("/v1/strategies").json();
    assertThat(strategies.get("strategies")).extracting(s -> s.get("name").asText()).containsExactly("auto", "formula", "llm", "hybrid");
    assertThat(strategies.get("providerConfigured").asBoolean()).isFalse();
    assertThat(strategies.get("autoUsesModel").asBoolean()).isFalse();
    assertThat(strategies.get("model").asText()).isEqualTo("claude-haiku-4-5");

    assertThat(server.anonymous().get("/healthz").status()).isEqualTo(200);
    assertThat(server.anonymous().get("/readyz").json().get("status").asText()).isEqualTo("ready");
    assertThat(server.anonymous().get("/openapi.json").json().get("openapi").asText()).isEqualTo("3.1.0");

    service.postJson("/v1/sessions/m-1/generate", Inputs.of("m-1"));
    ApiClient.Response metrics = service.get("/metrics");
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/v1/sessions/{sessionId}/generate\",status=\"200\"}")
        .contains("parakeet_generation_seconds_count{strategy=\"formula\"}")
        .contains("parakeet_database_seconds_count{operation=\"record\",outcome=\"ok\"}")
        .contains("parakeet_model_available 0.0");
    assertThat(server.lifter("alice").get("/metrics").status()).isEqualTo(403);
    assertThat(server.anonymous().get("/metrics").status()).isEqualTo(401);
  }

  @Test
  void unknownRoutesAndMethodsAreProblems() {
    ApiClient.Response missing = service.get("/v2/nothing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(service.send("PUT", "/v1/strategies", "application/json", "{}").status()).isEqualTo(405);
  }

  @Test
  void theAccessLogHasOneJsonLinePerRequestAndNoCredentials() {
    String token = Tokens.hs256("alice");
    new ApiClient(server.base(), token).postJson("/v1/sessions/a-1/generate", Inputs.of("a-1"));
    service.get("/v1/sessions/a-1?lifterId=secret-looking-query");
    server.anonymous().get("/healthz");
    String[] lines = server.accessLog().strip().split("\n");
    assertThat(lines).hasSize(3);
    JsonNode first = JitJson.readTree(lines[0]);
    assertThat(first.get("route").asText()).isEqualTo("/v1/sessions/{sessionId}/generate");
    assertThat(first.get("status").asInt()).isEqualTo(200);
    assertThat(first.get("principal").asText()).isEqualTo("lifter");
    assertThat(JitJson.readTree(lines[1]).get("principal").asText()).isEqualTo("service");
    assertThat(server.accessLog())
        .doesNotContain(token)
        .doesNotContain(TestServer.SERVICE_KEY)
        .doesNotContain("secret-looking-query")
        .doesNotContain("Pause Squat");
  }
}

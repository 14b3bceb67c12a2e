package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.store.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET}/{@code PUT /v1/lifters/{lifterId}/settings} (SPEC §10.3) and the setting as the
 * strategy of a generate request that names none (SPEC §8).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class LifterSettingsTest {

  private final Backend backend;
  @TempDir Path tempDir;
  private TestServer server;

  LifterSettingsTest(Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void start() {
    server = TestServer.start(backend, tempDir, TestServer.securedEnv());
  }

  @AfterEach
  void stop() {
    server.close();
    server.discard();
  }

  private static String setting(String strategy) {
    return "{\"jitStrategy\":\"" + strategy + "\"}";
  }

  @Test
  void aLifterReadsAndSetsItsOwnSetting() {
    ApiClient alice = server.lifter("alice");
    JsonNode unset = alice.get("/v1/lifters/alice/settings").json();
    assertThat(unset.get("jitStrategy").asText()).as("the server's default").isEqualTo("auto");
    assertThat(unset.get("updatedAt").isNull()).isTrue();

    ApiClient.Response put = alice.send("PUT", "/v1/lifters/alice/settings", "application/json", setting("hybrid"));
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertThat(put.json().get("jitStrategy").asText()).isEqualTo("hybrid");
    assertThat(put.json().get("updatedAt").isNull()).isFalse();

    JsonNode read = alice.get("/v1/lifters/alice/settings").json();
    assertThat(read.get("jitStrategy").asText()).isEqualTo("hybrid");
    assertThat(server.service().get("/v1/lifters/alice/settings").json()).isEqualTo(read);
    assertThat(server.service().send("PUT", "/v1/lifters/alice/settings", "application/json", setting("formula")).status())
        .isEqualTo(200);
    assertThat(alice.get("/v1/lifters/alice/settings").json().get("jitStrategy").asText()).isEqualTo("formula");
  }

  @Test
  void aLifterCannotReadOrChangeAnothersSettingAndIsNotToldWhetherOneExists() {
    server.lifter("alice").send("PUT", "/v1/lifters/alice/settings", "application/json", setting("llm"));
    ApiClient bob = server.lifter("bob");
    ApiClient.Response existing = bob.get("/v1/lifters/alice/settings");
    ApiClient.Response never = bob.get("/v1/lifters/carol/settings");
    assertThat(existing.status()).isEqualTo(403);
    assertThat(never.status()).isEqualTo(403);
    assertThat(existing.json().get("detail")).isEqualTo(never.json().get("detail"));
    assertThat(bob.send("PUT", "/v1/lifters/alice/settings", "application/json", setting("formula")).status()).isEqualTo(403);
    assertThat(server.service().get("/v1/lifters/alice/settings").json().get("jitStrategy").asText()).isEqualTo("llm");
    assertThat(server.anonymous().get("/v1/lifters/alice/settings").status()).isEqualTo(401);
  }

  @Test
  void aBadSettingIsRejectedWithEveryViolationByPath() {
    ApiClient alice = server.lifter("alice");
    assertThat(paths(alice.send("PUT", "/v1/lifters/alice/settings", "application/json", setting("genius"))))
        .containsExactly("jitStrategy");
    assertThat(paths(alice.send("PUT", "/v1/lifters/alice/settings", "application/json", "{\"strategy\":\"llm\"}")))
        .containsExactlyInAnyOrder("jitStrategy", "$");
    assertThat(paths(alice.send("PUT", "/v1/lifters/alice/settings", "application/json", "{\"jitStrategy\":\"llm\",\"jitStrategy\":\"auto\"}")))
        .containsExactly("$");
    assertThat(paths(alice.send("PUT", "/v1/lifters/alice/settings", "application/json", "[\"llm\"]"))).containsExactly("$");
    assertThat(alice.send("PUT", "/v1/lifters/alice/settings", "text/plain", setting("llm")).status()).isEqualTo(415);
    assertThat(alice.get("/v1/lifters/alice/settings").json().get("updatedAt").isNull()).as("nothing stored").isTrue();
  }

  @Test
  void theSettingIsTheStrategyOfAGenerationThatNamesNone() {
    ApiClient alice = server.lifter("alice");
    alice.send("PUT", "/v1/lifters/alice/settings", "application/json", setting("hybrid"));
    // No provider is configured: hybrid's model side fails at once, and the run is logged.
    assertThat(alice.postJson("/v1/sessions/a-1/generate", Inputs.of("a-1")).output().fallbackReason()).startsWith("not_configured:");
    assertThat(server.service().get("/v1/comparisons").json().get("items")).hasSize(1);
    // The request's strategy wins over the setting.
    assertThat(alice.postJson("/v1/sessions/a-2/generate?strategy=formula", Inputs.of("a-2")).output().jitStrategy())
        .isEqualTo(JitStrategy.FORMULA);
    assertThat(server.service().get("/v1/comparisons").json().get("items")).hasSize(1);
    // A service's input names the lifter whose setting applies.
    server.service().postJson("/v1/sessions/a-3/generate", Inputs.of("a-3", "alice"));
    assertThat(server.service().get("/v1/comparisons").json().get("items")).hasSize(2);
    // Another lifter without a setting gets the server's default (auto, no provider: the formula).
    assertThat(server.lifter("bob").postJson("/v1/sessions/b-1/generate", Inputs.of("b-1")).output().jitStrategy())
        .isEqualTo(JitStrategy.FORMULA);
    assertThat(server.service().get("/v1/comparisons").json().get("items")).hasSize(2);
  }

  private static List<String> paths(ApiClient.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    List<String> paths = new ArrayList<>();
    response.json().get("violations").forEach(v -> paths.add(v.get("path").asText()));
    return paths;
  }
}

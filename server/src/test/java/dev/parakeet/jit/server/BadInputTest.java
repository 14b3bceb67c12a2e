package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.store.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input of every kind through the API: 400 with every violation by path, nothing stored. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class BadInputTest {

  private static final String GOOD = Inputs.of("bad-1");

  private final Backend backend;
  @TempDir Path tempDir;
  private TestServer server;

  BadInputTest(Backend backend) {
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

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"sessionId\":\"bad-1\",", "$"),
        Arguments.of("not an object", "[1,2,3]", "$"),
        Arguments.of("empty body", "", "$"),
        Arguments.of("trailing garbage", GOOD + " {}", "$"),
        Arguments.of("wrong type", GOOD.replace("\"weekNumber\":1", "\"weekNumber\":\"one\""), "weekNumber"),
        Arguments.of("fraction for an integer", GOOD.replace("\"weekNumber\":1", "\"weekNumber\":1.5"), "weekNumber"),
        Arguments.of("unknown enum value", GOOD.replace("\"squat\"", "\"press\""), "primaryLift"),
        Arguments.of("out of range", GOOD.replace("\"oneRmKg\":140", "\"oneRmKg\":601"), "oneRmKg"),
        Arguments.of("soreness out of range", GOOD.replace("\"oneRmKg\":140", "\"oneRmKg\":140,\"sorenessRatings\":{\"quads\":7}"), "sorenessRatings.quads"),
        Arguments.of("unknown muscle", GOOD.replace("\"oneRmKg\":140", "\"oneRmKg\":140,\"sorenessRatings\":{\"calves\":2}"), "sorenessRatings"),
        Arguments.of("duplicate keys", GOOD.replace("\"oneRmKg\":140", "\"oneRmKg\":140,\"oneRmKg\":150"), "$"),
        Arguments.of("NaN", GOOD.replace("\"oneRmKg\":140", "\"oneRmKg\":NaN"), "$"),
        Arguments.of("missing required field", GOOD.replace("\"blockNumber\":1,", ""), "blockNumber"),
        Arguments.of("session id differs from the path", Inputs.of("another-session"), "sessionId"),
        Arguments.of("lone surrogate in the session id", GOOD.replace("\"sessionId\":\"bad-1\"", "\"sessionId\":\"sur-\\ud800\""), "sessionId"),
        Arguments.of("lone surrogate in a field name", GOOD.replace("\"oneRmKg\":140", "\"oneRmKg\":140,\"x\\udc00\":1"), "$"),
        Arguments.of("no session id, other fields missing", "{\"weekNumber\":1}", "blockNumber"),
        Arguments.of("no session id, not an object", "[{\"weekNumber\":1}]", "$"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void isRejectedWithItsPathAndNothingIsStored(String kind, String body, String path) {
    ApiClient.Response response = server.service().postJson("/v1/sessions/bad-1/generate", body);
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode violations = response.json().get("violations");
    List<String> paths = new ArrayList<>();
    violations.forEach(v -> paths.add(v.get("path").asText()));
    assertThat(paths).as(response.body()).anyMatch(p -> p.equals(path) || p.startsWith(path));
    assertNothingStored();
  }

  @Test
  void aLoneSurrogateIsNamedAtTheSessionIdAndNothingIsStored() {
    String body = GOOD.replace("\"sessionId\":\"bad-1\"", "\"sessionId\":\"sur-\\ud800\"");
    assertThat(body).contains("sur-\\ud800");
    ApiClient.Response response = server.service().postJson("/v1/sessions/bad-1/generate", body);
    assertThat(response.status()).isEqualTo(400);
    JsonNode violations = response.json().get("violations");
    assertThat(violations).anySatisfy(v -> {
      assertThat(v.get("path").asText()).isEqualTo("sessionId");
      assertThat(v.get("message").asText()).doesNotContain("must equal");
    });
    assertNothingStored();
  }

  @Test
  void withoutASessionIdOnlyTheOtherViolationsAreNamed() {
    JsonNode violations = server.service().postJson("/v1/sessions/bad-1/generate", "{ }").json().get("violations");
    List<String> paths = new ArrayList<>();
    violations.forEach(v -> paths.add(v.get("path").asText()));
    assertThat(paths).contains("weekNumber", "blockNumber", "primaryLift", "intensityType", "oneRmKg").doesNotContain("sessionId");
    assertNothingStored();
  }

  @Test
  void everyViolationIsNamedAtOnce() {
    String body = GOOD.replace("\"squat\"", "\"press\"").replace("\"oneRmKg\":140", "\"oneRmKg\":-3").replace("\"blockNumber\":1", "\"blockNumber\":9");
    JsonNode violations = server.service().postJson("/v1/sessions/bad-1/generate", body).json().get("violations");
    List<String> paths = new ArrayList<>();
    violations.forEach(v -> paths.add(v.get("path").asText()));
    assertThat(paths).contains("primaryLift", "oneRmKg", "blockNumber");
  }

  @Test
  void anOversizedBodyIs413AndNotJsonIs415() {
    String huge = GOOD.replace("\"oneRmKg\":140", "\"oneRmKg\":140,\"padding\":\"" + "x".repeat(RequestBodies.MAX_BYTES) + "\"");
    ApiClient.Response tooLarge = server.service().postJson("/v1/sessions/bad-1/generate", huge);
    assertThat(tooLarge.status()).isEqualTo(413);
    ApiClient.Response notJson = server.service().send("POST", "/v1/sessions/bad-1/generate", "text/plain", GOOD);
    assertThat(notJson.status()).isEqualTo(415);
    assertThat(server.service().send("POST", "/v1/sessions/bad-1/generate", null, GOOD).status()).isEqualTo(415);
    assertThat(server.service().postJson("/v1/sessions/bad-1/generate?strategy=genius", GOOD).json().get("violations").get(0).get("path").asText())
        .isEqualTo("strategy");
    assertNothingStored();
  }

  private void assertNothingStored() {
    assertThat(server.service().get("/v1/sessions/bad-1").status()).isEqualTo(404);
    assertThat(server.service().get("/v1/sessions").json().get("items")).isEmpty();
  }
}

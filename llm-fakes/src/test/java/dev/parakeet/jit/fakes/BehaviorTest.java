package dev.parakeet.jit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BehaviorTest {

  @Test
  void theSampleAdjustmentIsValidJsonWithEveryField() {
    JsonNode sample = Http.json(Behavior.SAMPLE_ADJUSTMENT);
    assertThat(sample.path("intensityModifier").asDouble()).isEqualTo(1.0);
    assertThat(sample.path("setModifier").asInt()).isZero();
    assertThat(sample.path("skipMainLift").asBoolean()).isFalse();
    assertThat(sample.path("auxOverrides").isArray()).isTrue();
    assertThat(sample.path("rationale").path(0).asText())
        .isEqualTo("Readiness is normal; keep the programmed sets.");
    assertThat(sample.path("confidence").asText()).isEqualTo("high");
  }

  @Test
  void outOfBoundsDiffersOnlyInIntensity() {
    JsonNode sample = Http.json(Behavior.SAMPLE_ADJUSTMENT);
    JsonNode oob = Http.json(((Behavior.Answer) Behavior.outOfBounds()).output());
    assertThat(oob.path("intensityModifier").asDouble()).isEqualTo(0.10);
    ((com.fasterxml.jackson.databind.node.ObjectNode) oob).put("intensityModifier", 1.0);
    assertThat(oob).isEqualTo(sample);
  }

  @Test
  void factoriesBuildTheirRecords() {
    assertThat(Behavior.answer("x")).isEqualTo(new Behavior.Answer("x"));
    assertThat(Behavior.malformedJson()).isEqualTo(new Behavior.Answer(Behavior.MALFORMED_JSON_OUTPUT));
    assertThat(Behavior.prose()).isEqualTo(new Behavior.Answer(Behavior.PROSE_OUTPUT));
    assertThat(Behavior.refusal()).isInstanceOf(Behavior.Refusal.class);
    assertThat(Behavior.truncated()).isEqualTo(new Behavior.Truncated(Behavior.TRUNCATED_OUTPUT));
    assertThat(Behavior.status(429)).isEqualTo(new Behavior.Status(429));
    assertThat(Behavior.malformedEnvelope()).isInstanceOf(Behavior.MalformedEnvelope.class);
    assertThat(Behavior.neverAnswer()).isInstanceOf(Behavior.NeverAnswer.class);
    assertThat(Behavior.slow(Duration.ofSeconds(1), Behavior.refusal()))
        .isEqualTo(new Behavior.Slow(Duration.ofSeconds(1), new Behavior.Refusal()));
    assertThat(Behavior.drip(Duration.ofMillis(5))).isEqualTo(new Behavior.Drip(Duration.ofMillis(5)));
  }

  @Test
  void theMalformedOutputIsNotJsonAndTheProseIsASentence() {
    assertThatThrownBy(() -> Http.MAPPER.readTree(Behavior.MALFORMED_JSON_OUTPUT))
        .isInstanceOf(Exception.class);
    assertThat(Behavior.MALFORMED_JSON_OUTPUT).startsWith("{\"intensityModifier\": 0.9");
    assertThat(Behavior.PROSE_OUTPUT).doesNotContain("{").endsWith(".");
    assertThat(Behavior.TRUNCATED_OUTPUT)
        .isEqualTo(Behavior.SAMPLE_ADJUSTMENT.substring(0, Behavior.SAMPLE_ADJUSTMENT.length() / 2));
  }

  @Test
  void nonsensicalArgumentsAreRejected() {
    assertThatThrownBy(() -> Behavior.status(200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Behavior.status(600)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Behavior.drip(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Behavior.slow(Duration.ofMillis(-1), Behavior.refusal()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Behavior.slow(Duration.ZERO, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Behavior.answer(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void recordedRequestHeadersAreCaseInsensitiveAndToStringHidesValues() {
    RecordedRequest r =
        new RecordedRequest(
            "POST",
            "/v1/messages?beta=true",
            java.util.Map.of("X-Api-Key", "secret-value"),
            "{}",
            null,
            java.time.Instant.now());
    assertThat(r.headers()).containsOnlyKeys("x-api-key");
    assertThat(r.header("X-API-KEY")).isEqualTo("secret-value");
    assertThat(r.header("missing")).isNull();
    assertThat(r.pathWithoutQuery()).isEqualTo("/v1/messages");
    assertThat(r.toString()).doesNotContain("secret-value");
    assertThatThrownBy(() -> r.headers().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
  }
}

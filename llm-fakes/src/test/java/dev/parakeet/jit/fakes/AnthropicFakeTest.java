package dev.parakeet.jit.fakes;

import static dev.parakeet.jit.fakes.Http.chat;
import static dev.parakeet.jit.fakes.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicFakeTest {

  private final FakeProviderServer server = FakeProviderServer.start(Protocol.ANTHROPIC);

  @AfterEach
  void stop() {
    server.close();
  }

  private static final String TOOL_REQUEST =
      "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":1024,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Readiness: normal\"}],"
          + "\"tools\":[{\"name\":\"submit_adjustment\",\"description\":\"d\","
          + "\"input_schema\":{\"type\":\"object\"}}],"
          + "\"tool_choice\":{\"type\":\"tool\",\"name\":\"submit_adjustment\"}}";

  private HttpResponse<String> toolChat() {
    return Http.send(Http.client(), Http.chatRequest(server, TOOL_REQUEST).build());
  }

  @Test
  void baseUrlIsTheServerRoot() {
    assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
    assertThat(server.port()).isPositive();
  }

  @Test
  void aValidAnswerHasTheMessagesEnvelope() {
    HttpResponse<String> response = chat(server);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValueAsLong("content-length"))
        .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
    assertThat(response.headers().firstValue("request-id")).hasValueSatisfying(v -> assertThat(v).startsWith("req_"));
    JsonNode body = json(response);
    assertThat(body.path("id").asText()).startsWith("msg_fake_");
    assertThat(body.path("type").asText()).isEqualTo("message");
    assertThat(body.path("role").asText()).isEqualTo("assistant");
    assertThat(body.path("model").asText()).isEqualTo("claude-haiku-4-5");
    assertThat(body.path("content")).hasSize(1);
    assertThat(body.path("content").path(0).path("type").asText()).isEqualTo("text");
    assertThat(body.path("content").path(0).path("text").asText())
        .isEqualTo(Behavior.SAMPLE_ADJUSTMENT);
    assertThat(body.path("stop_reason").asText()).isEqualTo("end_turn");
    assertThat(body.has("stop_sequence")).isTrue();
    assertThat(body.path("stop_sequence").isNull()).isTrue();
    assertThat(body.path("usage").path("input_tokens").isInt()).isTrue();
    assertThat(body.path("usage").path("output_tokens").asInt()).isPositive();
  }

  @Test
  void answerOutputsAreCarriedVerbatim() {
    server.enqueue(
        Behavior.answer("{\"x\":1}"),
        Behavior.outOfBounds(),
        Behavior.malformedJson(),
        Behavior.prose());
    assertThat(text(chat(server))).isEqualTo("{\"x\":1}");
    assertThat(json(text(chat(server))).path("intensityModifier").asDouble()).isEqualTo(0.10);
    String malformed = text(chat(server));
    assertThat(malformed).isEqualTo(Behavior.MALFORMED_JSON_OUTPUT);
    assertThatThrownBy(() -> Http.MAPPER.readTree(malformed)).isInstanceOf(Exception.class);
    assertThat(text(chat(server))).isEqualTo(Behavior.PROSE_OUTPUT);
  }

  @Test
  void aForcedToolCallIsAnsweredWithToolUse() {
    JsonNode body = json(toolChat());

    assertThat(body.path("stop_reason").asText()).isEqualTo("tool_use");
    JsonNode block = body.path("content").path(0);
    assertThat(block.path("type").asText()).isEqualTo("tool_use");
    assertThat(block.path("id").asText()).startsWith("toolu_fake_");
    assertThat(block.path("name").asText()).isEqualTo("submit_adjustment");
    assertThat(block.path("input")).isEqualTo(json(Behavior.SAMPLE_ADJUSTMENT));
  }

  @Test
  void aForcedToolCallWithUnusableOutputGetsATextBlock() {
    server.enqueue(Behavior.malformedJson(), Behavior.prose(), Behavior.truncated());

    JsonNode malformed = json(toolChat());
    assertThat(malformed.path("content").path(0).path("type").asText()).isEqualTo("text");
    assertThat(malformed.path("content").path(0).path("text").asText())
        .isEqualTo(Behavior.MALFORMED_JSON_OUTPUT);
    assertThat(malformed.path("stop_reason").asText()).isEqualTo("end_turn");
    assertThat(json(toolChat()).path("content").path(0).path("text").asText())
        .isEqualTo(Behavior.PROSE_OUTPUT);
    JsonNode truncated = json(toolChat());
    assertThat(truncated.path("content").path(0).path("type").asText()).isEqualTo("text");
    assertThat(truncated.path("stop_reason").asText()).isEqualTo("max_tokens");
  }

  @Test
  void aRefusalHasTheRefusalStopReason() {
    server.enqueue(Behavior.refusal());
    HttpResponse<String> response = chat(server);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.path("stop_reason").asText()).isEqualTo("refusal");
    assertThat(body.path("content").path(0).path("type").asText()).isEqualTo("text");
    assertThat(body.path("content").path(0).path("text").asText())
        .isEqualTo("I can't help with that.");
  }

  @Test
  void aTruncatedAnswerStopsAtMaxTokens() {
    server.enqueue(Behavior.truncated());
    JsonNode body = json(chat(server));

    assertThat(body.path("stop_reason").asText()).isEqualTo("max_tokens");
    String text = body.path("content").path(0).path("text").asText();
    assertThat(text).isEqualTo(Behavior.TRUNCATED_OUTPUT);
    assertThat(Behavior.SAMPLE_ADJUSTMENT).startsWith(text);
    assertThat(text.length()).isEqualTo(Behavior.SAMPLE_ADJUSTMENT.length() / 2);
  }

  @ParameterizedTest
  @CsvSource({
    "400, invalid_request_error",
    "401, authentication_error",
    "403, permission_error",
    "404, not_found_error",
    "429, rate_limit_error",
    "500, api_error",
    "503, api_error",
    "529, overloaded_error"
  })
  void errorStatusesHaveTheErrorBodyAndARequestId(int status, String type) {
    server.enqueue(Behavior.status(status));
    HttpResponse<String> response = chat(server);

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue("request-id")).isPresent();
    JsonNode body = json(response);
    assertThat(body.path("type").asText()).isEqualTo("error");
    assertThat(body.path("error").path("type").asText()).isEqualTo(type);
    assertThat(body.path("error").path("message").asText()).isNotBlank();
    if (status == 429) {
      assertThat(response.headers().firstValue("retry-after")).hasValue("1");
    } else {
      assertThat(response.headers().firstValue("retry-after")).isEmpty();
    }
    assertThat(response.body()).doesNotContain(Http.SECRET);
    response.headers().map().values().forEach(v -> assertThat(v.toString()).doesNotContain(Http.SECRET));
  }

  @Test
  void aMalformedEnvelopeIsA200ThatIsNotJson() {
    server.enqueue(Behavior.malformedEnvelope());
    HttpResponse<String> response = chat(server);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isNotBlank();
    assertThatThrownBy(() -> Http.MAPPER.readTree(response.body())).isInstanceOf(Exception.class);
  }

  @Test
  void anUnknownPathIsNotFoundAndConsumesNothing() throws Exception {
    server.enqueue(Behavior.refusal());
    HttpResponse<String> response =
        Http.send(
            Http.client(),
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.baseUrl() + "/v1/v1/messages"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("error").path("type").asText()).isEqualTo("not_found_error");
    assertThat(server.takeRequest(java.time.Duration.ofSeconds(1)).path()).isEqualTo("/v1/v1/messages");
    assertThat(json(chat(server)).path("stop_reason").asText()).isEqualTo("refusal");
  }

  private static String text(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response).path("content").path(0).path("text").asText();
  }
}

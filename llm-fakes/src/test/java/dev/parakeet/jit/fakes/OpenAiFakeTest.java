package dev.parakeet.jit.fakes;

import static dev.parakeet.jit.fakes.Http.chat;
import static dev.parakeet.jit.fakes.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiFakeTest {

  private final FakeProviderServer server = FakeProviderServer.start(Protocol.OPENAI);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void baseUrlIncludesV1() {
    assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/v1");
  }

  @Test
  void aValidAnswerHasTheChatCompletionEnvelope() {
    HttpResponse<String> response = chat(server);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValueAsLong("content-length"))
        .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
    JsonNode body = json(response);
    assertThat(body.path("id").asText()).startsWith("chatcmpl-fake-");
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("created").asLong())
        .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(body.path("choices")).hasSize(1);
    JsonNode choice = body.path("choices").path(0);
    assertThat(choice.path("index").asInt()).isZero();
    assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
    assertThat(choice.path("message").path("content").asText())
        .isEqualTo(Behavior.SAMPLE_ADJUSTMENT);
    assertThat(choice.path("message").path("refusal").isNull()).isTrue();
    assertThat(choice.path("logprobs").isNull()).isTrue();
    assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
    JsonNode usage = body.path("usage");
    assertThat(usage.path("total_tokens").asInt())
        .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
  }

  @Test
  void answerOutputsAreCarriedVerbatim() {
    server.enqueue(Behavior.outOfBounds(), Behavior.malformedJson(), Behavior.prose());
    assertThat(json(content(chat(server))).path("intensityModifier").asDouble()).isEqualTo(0.10);
    assertThat(content(chat(server))).isEqualTo(Behavior.MALFORMED_JSON_OUTPUT);
    assertThat(content(chat(server))).isEqualTo(Behavior.PROSE_OUTPUT);
  }

  @Test
  void aRefusalUsesTheRefusalField() {
    server.enqueue(Behavior.refusal());
    JsonNode choice = json(chat(server)).path("choices").path(0);

    assertThat(choice.path("message").has("content")).isTrue();
    assertThat(choice.path("message").path("content").isNull()).isTrue();
    assertThat(choice.path("message").path("refusal").asText())
        .isEqualTo("I'm sorry, I can't help with that.");
    assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
  }

  @Test
  void aTruncatedAnswerFinishesWithLength() {
    server.enqueue(Behavior.truncated());
    JsonNode choice = json(chat(server)).path("choices").path(0);

    assertThat(choice.path("finish_reason").asText()).isEqualTo("length");
    assertThat(choice.path("message").path("content").asText())
        .isEqualTo(Behavior.TRUNCATED_OUTPUT);
  }

  @Test
  void aForcedFunctionCallIsAnsweredWithToolCalls() {
    String request =
        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
            + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"submit_adjustment\","
            + "\"parameters\":{\"type\":\"object\"}}}],"
            + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"submit_adjustment\"}}}";
    JsonNode choice =
        json(Http.send(Http.client(), Http.chatRequest(server, request).build()))
            .path("choices")
            .path(0);

    assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
    assertThat(choice.path("message").path("content").isNull()).isTrue();
    JsonNode call = choice.path("message").path("tool_calls").path(0);
    assertThat(call.path("id").asText()).startsWith("call_fake_");
    assertThat(call.path("type").asText()).isEqualTo("function");
    assertThat(call.path("function").path("name").asText()).isEqualTo("submit_adjustment");
    assertThat(call.path("function").path("arguments").asText())
        .isEqualTo(Behavior.SAMPLE_ADJUSTMENT);
  }

  @ParameterizedTest
  @CsvSource({
    "400, invalid_request_error, ",
    "401, invalid_request_error, invalid_api_key",
    "403, request_forbidden, unsupported_country_region_territory",
    "404, invalid_request_error, model_not_found",
    "429, requests, rate_limit_exceeded",
    "500, server_error, ",
    "503, server_error, ",
    "529, server_error, "
  })
  void errorStatusesHaveTheErrorBody(int status, String type, String code) {
    server.enqueue(Behavior.status(status));
    HttpResponse<String> response = chat(server);

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue("x-request-id")).isPresent();
    JsonNode error = json(response).path("error");
    assertThat(error.path("message").asText()).isNotBlank();
    assertThat(error.path("type").asText()).isEqualTo(type);
    assertThat(error.has("param")).isTrue();
    assertThat(error.path("param").isNull()).isTrue();
    assertThat(error.has("code")).isTrue();
    if (code == null) {
      assertThat(error.path("code").isNull()).isTrue();
    } else {
      assertThat(error.path("code").asText()).isEqualTo(code);
    }
    if (status == 429) {
      assertThat(response.headers().firstValue("retry-after")).hasValue("1");
    }
    assertThat(response.body()).doesNotContain(Http.SECRET);
    response.headers().map().values().forEach(v -> assertThat(v.toString()).doesNotContain(Http.SECRET));
  }

  @Test
  void aMalformedEnvelopeIsA200ThatIsNotJson() {
    server.enqueue(Behavior.malformedEnvelope());
    HttpResponse<String> response = chat(server);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> Http.MAPPER.readTree(response.body())).isInstanceOf(Exception.class);
  }

  @Test
  void aPathWithoutV1IsAnInvalidUrl() {
    HttpResponse<String> response =
        Http.send(
            Http.client(),
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("error").path("message").asText())
        .isEqualTo("Invalid URL (POST /chat/completions)");
  }

  private static String content(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response).path("choices").path(0).path("message").path("content").asText();
  }
}

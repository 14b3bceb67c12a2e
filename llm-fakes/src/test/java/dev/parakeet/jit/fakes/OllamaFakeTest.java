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
import org.junit.jupiter.params.provider.ValueSource;

class OllamaFakeTest {

  private final FakeProviderServer server = FakeProviderServer.start(Protocol.OLLAMA);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void baseUrlIsTheServerRoot() {
    assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
  }

  @Test
  void aValidAnswerHasTheChatEnvelope() {
    HttpResponse<String> response = chat(server);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(response.headers().firstValueAsLong("content-length"))
        .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
    JsonNode body = json(response);
    assertThat(body.path("model").asText()).isEqualTo("llama3.1");
    assertThat(Instant.parse(body.path("created_at").asText())).isBeforeOrEqualTo(Instant.now());
    assertThat(body.path("message").path("role").asText()).isEqualTo("assistant");
    assertThat(body.path("message").path("content").asText()).isEqualTo(Behavior.SAMPLE_ADJUSTMENT);
    assertThat(body.path("done_reason").asText()).isEqualTo("stop");
    assertThat(body.path("done").asBoolean()).isTrue();
    for (String f :
        new String[] {
          "total_duration",
          "load_duration",
          "prompt_eval_count",
          "prompt_eval_duration",
          "eval_count",
          "eval_duration"
        }) {
      assertThat(body.path(f).isIntegralNumber()).as(f).isTrue();
      assertThat(body.path(f).asLong()).as(f).isPositive();
    }
  }

  @Test
  void aStreamingRequestGetsTheSameSingleObject() {
    String request =
        "{\"model\":\"llama3.1\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    JsonNode body = json(Http.send(Http.client(), Http.chatRequest(server, request).build()));

    assertThat(body.path("done").asBoolean()).isTrue();
    assertThat(body.path("message").path("content").asText()).isEqualTo(Behavior.SAMPLE_ADJUSTMENT);
  }

  @Test
  void answerOutputsAreCarriedVerbatim() {
    server.enqueue(Behavior.outOfBounds(), Behavior.malformedJson(), Behavior.prose());
    assertThat(json(content(chat(server))).path("intensityModifier").asDouble()).isEqualTo(0.10);
    assertThat(content(chat(server))).isEqualTo(Behavior.MALFORMED_JSON_OUTPUT);
    assertThat(content(chat(server))).isEqualTo(Behavior.PROSE_OUTPUT);
  }

  @Test
  void aRefusalIsANormalAnswerWithARefusalSentence() {
    server.enqueue(Behavior.refusal());
    JsonNode body = json(chat(server));

    assertThat(body.path("done_reason").asText()).isEqualTo("stop");
    assertThat(body.path("message").path("content").asText()).contains("can't help");
  }

  @Test
  void aTruncatedAnswerIsDoneForLength() {
    server.enqueue(Behavior.truncated());
    JsonNode body = json(chat(server));

    assertThat(body.path("done_reason").asText()).isEqualTo("length");
    assertThat(body.path("message").path("content").asText()).isEqualTo(Behavior.TRUNCATED_OUTPUT);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 429, 500, 503, 529})
  void errorStatusesHaveAnErrorString(int status) {
    server.enqueue(Behavior.status(status));
    HttpResponse<String> response = chat(server);

    assertThat(response.statusCode()).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.path("error").isTextual()).isTrue();
    assertThat(body.path("error").asText()).isNotBlank();
    if (status == 404) {
      assertThat(body.path("error").asText()).isEqualTo("model \"llama3.1\" not found, try pulling it first");
    }
  }

  @Test
  void aMalformedEnvelopeIsA200ThatIsNotJson() {
    server.enqueue(Behavior.malformedEnvelope());
    HttpResponse<String> response = chat(server);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> Http.MAPPER.readTree(response.body())).isInstanceOf(Exception.class);
  }

  @Test
  void theRootSaysOllamaIsRunning() {
    HttpResponse<String> response =
        Http.send(Http.client(), HttpRequest.newBuilder(URI.create(server.baseUrl() + "/")).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("Ollama is running");
  }

  private static String content(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response).path("message").path("content").asText();
  }
}

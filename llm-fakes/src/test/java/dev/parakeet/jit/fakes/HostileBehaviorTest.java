package dev.parakeet.jit.fakes;

import static dev.parakeet.jit.fakes.Http.chat;
import static dev.parakeet.jit.fakes.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hostile provider: it copies the request's credential into its answers, error bodies,
 * refusals and raw bodies, and sends answers in small pieces. Only when a test asks for it.
 */
class HostileBehaviorTest {

  private FakeProviderServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private FakeProviderServer start(Protocol protocol) {
    server = FakeProviderServer.start(protocol);
    return server;
  }

  /** Anthropic and OpenAI send a credential; Ollama none. */
  private static String sentKey(Protocol protocol) {
    return protocol == Protocol.OLLAMA ? "" : Http.SECRET;
  }

  /** The model's output text in the protocol's success envelope. */
  private static String output(Protocol protocol, HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    return switch (protocol) {
      case ANTHROPIC -> body.at("/content/0/text").asText();
      case OPENAI -> body.at("/choices/0/message/content").asText();
      case OLLAMA -> body.at("/message/content").asText();
    };
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void theKeyIsEchoedWhereTheScriptSays(Protocol protocol) {
    start(protocol).enqueue(Behavior.echoingKey(Behavior.answer("{\"confidence\":\"" + Behavior.KEY + "\"}")));
    String output = output(protocol, chat(server));
    assertThat(json(output).path("confidence").asText()).isEqualTo(sentKey(protocol));
  }

  @ParameterizedTest
  @EnumSource(value = Protocol.class, names = {"ANTHROPIC", "OPENAI"})
  void theEscapedKeyDecodesToTheKeyButIsNotInTheText(Protocol protocol) {
    start(protocol).enqueue(
        Behavior.echoingKey(Behavior.answer("{\"rationale\":[\"key " + Behavior.KEY_JSON_ESCAPED + "\"]}")));
    String output = output(protocol, chat(server));
    assertThat(output).doesNotContain(Http.SECRET).contains("\\u0073\\u006b\\u002d");
    assertThat(json(output).at("/rationale/0").asText()).isEqualTo("key " + Http.SECRET);
  }

  @Test
  void withoutTheWrapperThePlaceholderIsSentAsWritten() {
    start(Protocol.ANTHROPIC).enqueue(Behavior.answer("{\"confidence\":\"" + Behavior.KEY + "\"}"));
    String output = output(Protocol.ANTHROPIC, chat(server));
    assertThat(output).contains(Behavior.KEY).doesNotContain(Http.SECRET);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void anErrorBodyCanCarryTheKeyInTheProvidersErrorFormat(Protocol protocol) {
    start(protocol).enqueue(Behavior.echoingKey(Behavior.status(401, "invalid key " + Behavior.KEY)));
    HttpResponse<String> response = chat(server);
    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode body = json(response);
    String message = switch (protocol) {
      case ANTHROPIC -> body.at("/error/message").asText();
      case OPENAI -> body.at("/error/message").asText();
      case OLLAMA -> body.path("error").asText();
    };
    assertThat(message).isEqualTo("invalid key " + sentKey(protocol));
    if (protocol == Protocol.ANTHROPIC) {
      assertThat(body.at("/error/type").asText()).isEqualTo("authentication_error");
    }
  }

  @Test
  void aRefusalCanBeWordedByTheScript() {
    start(Protocol.OPENAI).enqueue(Behavior.echoingKey(Behavior.refusal("No. (" + Behavior.KEY + ")")));
    JsonNode message = json(chat(server)).at("/choices/0/message");
    assertThat(message.path("refusal").asText()).isEqualTo("No. (" + Http.SECRET + ")");
    assertThat(message.path("content").isNull()).isTrue();
  }

  @Test
  void aRawBodyIsSentAsItIs() {
    start(Protocol.ANTHROPIC)
        .enqueue(Behavior.echoingKey(Behavior.raw(502, "text/html", "<html>bad gateway " + Behavior.KEY + "</html>")));
    HttpResponse<String> response = chat(server);
    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/html");
    assertThat(response.body()).isEqualTo("<html>bad gateway " + Http.SECRET + "</html>");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aTrickledAnswerArrivesChunkedAndWhole(Protocol protocol) {
    start(protocol).enqueue(
        Behavior.echoingKey(
            Behavior.trickle(Behavior.answer("{\"rationale\":[\"" + Behavior.KEY + "\"]}"), 5, Duration.ofMillis(2))));
    HttpResponse<String> response = chat(server);
    assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
    assertThat(json(output(protocol, response)).at("/rationale/0").asText()).isEqualTo(sentKey(protocol));
  }

  @Test
  void aTrickleIsOfACompleteResponse() {
    assertThatThrownBy(() -> Behavior.trickle(Behavior.neverAnswer(), 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Behavior.trickle(Behavior.refusal(), 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.parakeet.jit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.model.anthropic.AnthropicChatResponseMetadata;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.port.ModelCallException.Kind;
import dev.parakeet.jit.wire.JitJson;
import java.io.IOException;

/** Gets the answer's JSON text out of a provider response, or says why there is none. */
final class ProviderAnswers {

  private ProviderAnswers() {}

  static String extract(ChatResponse response, String provider) {
    FinishReason finish = response.finishReason();
    if (finish == FinishReason.LENGTH) {
      throw new ModelCallException(Kind.TRUNCATED, "the answer was cut off at the token limit");
    }
    if (finish == FinishReason.CONTENT_FILTER || anthropicRefusal(response)) {
      throw new ModelCallException(Kind.REFUSAL, provider + " declined to answer (refusal)");
    }
    AiMessage message = response.aiMessage();
    if (message.hasToolExecutionRequests()) {
      return message.toolExecutionRequests().get(0).arguments();
    }
    String text = message.text();
    if (text == null || text.isBlank()) {
      throw new ModelCallException(Kind.MALFORMED, "the answer was empty");
    }
    return text.strip();
  }

  /** Anthropic reports a refusal as {@code stop_reason: "refusal"}, which LangChain4j maps to OTHER. */
  private static boolean anthropicRefusal(ChatResponse response) {
    if (response.finishReason() != FinishReason.OTHER
        || !(response.metadata() instanceof AnthropicChatResponseMetadata metadata)) {
      return false;
    }
    SuccessfulHttpResponse raw = metadata.rawHttpResponse();
    if (raw == null || raw.body() == null) {
      return false;
    }
    try {
      JsonNode body = JitJson.mapper().readTree(raw.body());
      return "refusal".equals(body.path("stop_reason").asText());
    } catch (IOException e) {
      return false;
    }
  }
}

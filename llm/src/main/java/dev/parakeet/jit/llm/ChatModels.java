package dev.parakeet.jit.llm;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Builds the LangChain4j chat model for a provider: the JDK HTTP client (so cancelling a call
 * closes its connection), no retries (the deadline is ours to spend), no request logging (it
 * would carry credentials), and the provider's native structured-output mode.
 */
final class ChatModels {

  static final int MAX_OUTPUT_TOKENS = 1024;
  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private ChatModels() {}

  static ChatModel create(LlmSettings settings, AdjustmentSchema schema) {
    // The client's own timeouts are only a backstop: the strategy's deadline cancels first.
    Duration backstop = settings.deadline().plusSeconds(1);
    Duration connect =
        settings.deadline().compareTo(MAX_CONNECT_TIMEOUT) < 0 ? settings.deadline() : MAX_CONNECT_TIMEOUT;
    JdkHttpClientBuilder http =
        JdkHttpClient.builder()
            .httpClientBuilder(jdkClient(settings.clientBaseUrl()))
            .connectTimeout(connect)
            .readTimeout(backstop);
    String key = settings.apiKey() == null ? null : settings.apiKey().reveal();
    return switch (settings.provider()) {
      case ANTHROPIC -> anthropic(settings, schema, http, key, backstop);
      case OPENAI ->
          OpenAiChatModel.builder()
              .httpClientBuilder(http)
              .baseUrl(settings.clientBaseUrl())
              .apiKey(key)
              .modelName(settings.model())
              .responseFormat(schema.responseFormat())
              .strictJsonSchema(true)
              .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
              .maxCompletionTokens(MAX_OUTPUT_TOKENS)
              .timeout(backstop)
              .maxRetries(0)
              .logRequests(false)
              .logResponses(false)
              .build();
      case OLLAMA ->
          OllamaChatModel.builder()
              .httpClientBuilder(http)
              .baseUrl(settings.clientBaseUrl())
              .modelName(settings.model())
              .responseFormat(schema.rawResponseFormat())
              .numPredict(MAX_OUTPUT_TOKENS)
              .timeout(backstop)
              .maxRetries(0)
              .logRequests(false)
              .logResponses(false)
              .build();
    };
  }

  /**
   * The JDK client under LangChain4j. Its exchange steps run on the thread where each becomes
   * ready — the calling worker writes the request, the client's selector thread reads the answer —
   * instead of hopping through a pool of the client's own: with 1,000 calls in flight that pool
   * was another few hundred threads and two more hand-offs per call. Nothing blocking runs there
   * (LangChain4j reads each answer as one string). A plain {@code http://} provider (a local
   * Ollama, a fake) is spoken to in HTTP/1.1 from the first request: the default would offer an
   * upgrade to cleartext HTTP/2 on every new connection, which such servers ignore. Over
   * {@code https://} the client still negotiates HTTP/2 where the provider offers it.
   */
  static HttpClient.Builder jdkClient(String baseUrl) {
    HttpClient.Builder builder =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).executor(Runnable::run);
    if (baseUrl.regionMatches(true, 0, "http://", 0, 7)) {
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    return builder;
  }

  private static ChatModel anthropic(
      LlmSettings settings, AdjustmentSchema schema, JdkHttpClientBuilder http, String key, Duration backstop) {
    AnthropicChatModel.AnthropicChatModelBuilder builder =
        AnthropicChatModel.builder()
            .httpClientBuilder(http)
            .baseUrl(settings.clientBaseUrl())
            .apiKey(key)
            .modelName(settings.model())
            .maxTokens(MAX_OUTPUT_TOKENS)
            .timeout(backstop)
            .maxRetries(0)
            .logRequests(false)
            .logResponses(false);
    if (settings.structuredOutput() == LlmSettings.StructuredOutput.TOOL) {
      builder
          .toolSpecifications(schema.tool())
          .toolChoice(ToolChoice.REQUIRED)
          .toolChoiceName(AdjustmentSchema.TOOL_NAME)
          .disableParallelToolUse(true);
    } else {
      builder
          .responseFormat(schema.responseFormat())
          .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }
    return builder.build();
  }
}

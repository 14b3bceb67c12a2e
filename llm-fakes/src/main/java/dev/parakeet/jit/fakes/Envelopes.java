package dev.parakeet.jit.fakes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The providers' response bodies, as the real APIs send them. Pure functions of the behavior, the
 * recorded request and the exchange number {@code n} (used in ids).
 */
final class Envelopes {

  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  static final String JSON = "application/json";
  static final String OLLAMA_JSON = "application/json; charset=utf-8";

  static final String ANTHROPIC_REFUSAL = "I can't help with that.";
  static final String OPENAI_REFUSAL = "I'm sorry, I can't help with that.";
  static final String OLLAMA_REFUSAL = "I'm sorry, but I can't help with that request.";

  /** Body of {@link Behavior#malformedEnvelope()}: what a misbehaving proxy might send. */
  static final String MALFORMED_ENVELOPE =
      "<html><head><title>502 Bad Gateway</title></head><body>upstream sent garbage</body></html>";

  /** A response ready to be written: status, content type, extra headers, body. */
  record Response(int status, String contentType, Map<String, String> headers, byte[] body) {

    static Response json(int status, String contentType, JsonNode body, Map<String, String> headers) {
      return new Response(
          status, contentType, headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private Envelopes() {}

  /** The response to a chat request for any behavior that answers at once. */
  static Response render(Protocol protocol, Behavior behavior, RecordedRequest request, int n) {
    if (behavior instanceof Behavior.MalformedEnvelope) {
      return new Response(
          200, JSON, ids(protocol, n), MALFORMED_ENVELOPE.getBytes(StandardCharsets.UTF_8));
    }
    if (behavior instanceof Behavior.Raw raw) {
      return new Response(
          raw.status(), raw.contentType(), ids(protocol, n), raw.body().getBytes(StandardCharsets.UTF_8));
    }
    if (behavior instanceof Behavior.Status s) {
      return error(protocol, s.code(), s.message(), request, n);
    }
    switch (protocol) {
      case ANTHROPIC:
        return anthropic(behavior, request, n);
      case OPENAI:
        return openAi(behavior, request, n);
      case OLLAMA:
        return ollama(behavior, request);
      default:
        throw new AssertionError(protocol);
    }
  }

  /**
   * The content type of the protocol's JSON responses, answers and errors alike ({@link #JSON};
   * Ollama adds a charset). {@link Behavior#malformedEnvelope()} and Ollama's plain-text answers
   * ({@link #notFound}) have their own.
   */
  static String contentType(Protocol protocol) {
    return protocol == Protocol.OLLAMA ? OLLAMA_JSON : JSON;
  }

  /** Headers every response of the protocol carries (request ids), in a new mutable map. */
  static Map<String, String> ids(Protocol protocol, int n) {
    Map<String, String> h = new LinkedHashMap<>();
    switch (protocol) {
      case ANTHROPIC:
        h.put("request-id", "req_fake_" + n);
        break;
      case OPENAI:
        h.put("x-request-id", "req_fake_" + n);
        h.put("openai-processing-ms", "1");
        break;
      default:
        break;
    }
    return h;
  }

  // ------------------------------------------------------------------ Anthropic

  private static Response anthropic(Behavior behavior, RecordedRequest request, int n) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", "msg_fake_" + n);
    root.put("type", "message");
    root.put("role", "assistant");
    root.put("model", model(request, "claude-haiku-4-5"));
    ArrayNode content = root.putArray("content");
    String output;
    String stopReason;
    if (behavior instanceof Behavior.Refusal refusal) {
      output = refusalText(refusal, ANTHROPIC_REFUSAL);
      content.addObject().put("type", "text").put("text", output);
      stopReason = "refusal";
    } else {
      output = output(behavior);
      boolean truncated = behavior instanceof Behavior.Truncated;
      String tool = truncated ? null : forcedAnthropicTool(request.json());
      JsonNode input = tool == null ? null : parseObject(output);
      if (input != null) {
        ObjectNode block = content.addObject();
        block.put("type", "tool_use");
        block.put("id", "toolu_fake_" + n);
        block.put("name", tool);
        block.set("input", input);
        stopReason = "tool_use";
      } else {
        // Without a forced tool, or when the model's text is no JSON object (it "failed to
        // call the tool"), the output is a plain text block.
        content.addObject().put("type", "text").put("text", output);
        stopReason = truncated ? "max_tokens" : "end_turn";
      }
    }
    root.put("stop_reason", stopReason);
    root.putNull("stop_sequence");
    ObjectNode usage = root.putObject("usage");
    usage.put("input_tokens", inputTokens(request));
    usage.put("cache_creation_input_tokens", 0);
    usage.put("cache_read_input_tokens", 0);
    usage.put("output_tokens", tokens(output));
    usage.put("service_tier", "standard");
    return Response.json(200, contentType(Protocol.ANTHROPIC), root, ids(Protocol.ANTHROPIC, n));
  }

  /**
   * The tool the request forces: {@code tool_choice} {@code {"type":"tool","name":...}}, or the
   * first tool for {@code {"type":"any"}}; {@code null} when no tool call is forced.
   */
  static String forcedAnthropicTool(JsonNode json) {
    if (json == null || !json.path("tools").isArray() || json.path("tools").isEmpty()) {
      return null;
    }
    JsonNode choice = json.path("tool_choice");
    String type = choice.path("type").asText("");
    if (type.equals("tool")) {
      String name = choice.path("name").asText("");
      return name.isEmpty() ? json.path("tools").path(0).path("name").asText("tool") : name;
    }
    if (type.equals("any")) {
      return json.path("tools").path(0).path("name").asText("tool");
    }
    return null;
  }

  // ------------------------------------------------------------------ OpenAI

  private static Response openAi(Behavior behavior, RecordedRequest request, int n) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", "chatcmpl-fake-" + n);
    root.put("object", "chat.completion");
    root.put("created", Instant.now().getEpochSecond());
    root.put("model", model(request, "gpt-4o-mini"));
    ArrayNode choices = root.putArray("choices");
    ObjectNode choice = choices.addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    String output;
    String finishReason;
    if (behavior instanceof Behavior.Refusal refusal) {
      output = refusalText(refusal, OPENAI_REFUSAL);
      message.putNull("content");
      message.put("refusal", output);
      finishReason = "stop";
    } else {
      output = output(behavior);
      boolean truncated = behavior instanceof Behavior.Truncated;
      String tool = truncated ? null : forcedOpenAiTool(request.json());
      if (tool != null && parseObject(output) != null) {
        message.putNull("content");
        ObjectNode call = message.putArray("tool_calls").addObject();
        call.put("id", "call_fake_" + n);
        call.put("type", "function");
        call.putObject("function").put("name", tool).put("arguments", output);
        message.putNull("refusal");
        finishReason = "tool_calls";
      } else {
        message.put("content", output);
        message.putNull("refusal");
        finishReason = truncated ? "length" : "stop";
      }
    }
    message.putArray("annotations");
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    ObjectNode usage = root.putObject("usage");
    int in = inputTokens(request);
    int out = tokens(output);
    usage.put("prompt_tokens", in);
    usage.put("completion_tokens", out);
    usage.put("total_tokens", in + out);
    usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
    usage
        .putObject("completion_tokens_details")
        .put("reasoning_tokens", 0)
        .put("audio_tokens", 0)
        .put("accepted_prediction_tokens", 0)
        .put("rejected_prediction_tokens", 0);
    root.put("service_tier", "default");
    root.put("system_fingerprint", "fp_fake");
    return Response.json(200, contentType(Protocol.OPENAI), root, ids(Protocol.OPENAI, n));
  }

  /**
   * The function the request forces: {@code tool_choice} {@code {"type":"function","function":
   * {"name":...}}}, or the first tool for {@code "required"}; {@code null} otherwise.
   */
  static String forcedOpenAiTool(JsonNode json) {
    if (json == null || !json.path("tools").isArray() || json.path("tools").isEmpty()) {
      return null;
    }
    JsonNode choice = json.path("tool_choice");
    String first = json.path("tools").path(0).path("function").path("name").asText("tool");
    if (choice.isTextual() && choice.asText().equals("required")) {
      return first;
    }
    if (choice.path("type").asText("").equals("function")) {
      String name = choice.path("function").path("name").asText("");
      return name.isEmpty() ? first : name;
    }
    return null;
  }

  // ------------------------------------------------------------------ Ollama

  private static Response ollama(Behavior behavior, RecordedRequest request) {
    String output;
    String doneReason = "stop";
    if (behavior instanceof Behavior.Refusal refusal) {
      output = refusalText(refusal, OLLAMA_REFUSAL);
    } else {
      output = output(behavior);
      if (behavior instanceof Behavior.Truncated) {
        doneReason = "length";
      }
    }
    ObjectNode root = MAPPER.createObjectNode();
    root.put("model", model(request, "llama3.1"));
    root.put("created_at", Instant.now().toString());
    ObjectNode message = root.putObject("message");
    message.put("role", "assistant");
    message.put("content", output);
    root.put("done_reason", doneReason);
    root.put("done", true);
    int in = inputTokens(request);
    int out = tokens(output);
    root.put("total_duration", 1_250_000_000L);
    root.put("load_duration", 50_000_000L);
    root.put("prompt_eval_count", in);
    root.put("prompt_eval_duration", 200_000_000L);
    root.put("eval_count", out);
    root.put("eval_duration", 1_000_000_000L);
    return Response.json(200, contentType(Protocol.OLLAMA), root, Map.of());
  }

  // ------------------------------------------------------------------ errors

  /** The provider's error response for {@code status}, saying {@code message} (null: the usual words). */
  static Response error(Protocol protocol, int status, String message, RecordedRequest request, int n) {
    String model = model(request, "unknown");
    switch (protocol) {
      case ANTHROPIC:
        {
          String[] tm = anthropicError(status, model);
          if (message != null) {
            tm[1] = message;
          }
          Map<String, String> headers = ids(protocol, n);
          if (status == 429) {
            headers.put("retry-after", "1");
            headers.put("anthropic-ratelimit-requests-remaining", "0");
          }
          return anthropicErrorResponse(status, tm[0], tm[1], headers);
        }
      case OPENAI:
        {
          String[] e = openAiError(status, model);
          if (message != null) {
            e[0] = message;
          }
          Map<String, String> headers = ids(protocol, n);
          if (status == 429) {
            headers.put("retry-after", "1");
            headers.put("x-ratelimit-remaining-requests", "0");
            headers.put("x-ratelimit-reset-requests", "1s");
          }
          return openAiErrorResponse(status, e[0], e[1], e[2], headers);
        }
      case OLLAMA:
        return ollamaErrorResponse(status, message != null ? message : ollamaError(status, model));
      default:
        throw new AssertionError(protocol);
    }
  }

  /** Anthropic {@code [type, message]} for a status. */
  private static String[] anthropicError(int status, String model) {
    switch (status) {
      case 400:
        return new String[] {"invalid_request_error", "messages: at least one message is required"};
      case 401:
        return new String[] {"authentication_error", "invalid x-api-key"};
      case 403:
        return new String[] {
          "permission_error", "Your API key does not have permission to use the specified resource."
        };
      case 404:
        return new String[] {"not_found_error", "model: " + model};
      case 413:
        return new String[] {"request_too_large", "Request exceeds the maximum allowed number of bytes."};
      case 429:
        return new String[] {
          "rate_limit_error",
          "This request would exceed the rate limit for your organization of 50 requests per"
              + " minute. Please try again later."
        };
      case 500:
        return new String[] {"api_error", "Internal server error"};
      case 504:
        return new String[] {"timeout_error", "Request timed out"};
      case 529:
        return new String[] {"overloaded_error", "Overloaded"};
      default:
        return status < 500
            ? new String[] {"invalid_request_error", "Invalid request"}
            : new String[] {"api_error", "Service unavailable"};
    }
  }

  /** OpenAI {@code [message, type, code]} for a status; a null code is JSON null. */
  private static String[] openAiError(int status, String model) {
    switch (status) {
      case 400:
        return new String[] {
          "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an"
              + " empty array instead.",
          "invalid_request_error",
          null
        };
      case 401:
        return new String[] {
          "Incorrect API key provided. You can find your API key at"
              + " https://platform.openai.com/account/api-keys.",
          "invalid_request_error",
          "invalid_api_key"
        };
      case 403:
        return new String[] {
          "Country, region, or territory not supported",
          "request_forbidden",
          "unsupported_country_region_territory"
        };
      case 404:
        return new String[] {
          "The model `" + model + "` does not exist or you do not have access to it.",
          "invalid_request_error",
          "model_not_found"
        };
      case 429:
        return new String[] {
          "Rate limit reached for requests. Please try again in 1s.",
          "requests",
          "rate_limit_exceeded"
        };
      case 500:
        return new String[] {
          "The server had an error while processing your request. Sorry about that!",
          "server_error",
          null
        };
      case 503:
        return new String[] {
          "The engine is currently overloaded, please try again later.", "server_error", null
        };
      default:
        return status < 500
            ? new String[] {"Invalid request.", "invalid_request_error", null}
            : new String[] {"The server is temporarily unavailable.", "server_error", null};
    }
  }

  private static String ollamaError(int status, String model) {
    switch (status) {
      case 400:
        return "invalid request: messages are required";
      case 401:
        return "unauthorized";
      case 403:
        return "forbidden";
      case 404:
        return "model \"" + model + "\" not found, try pulling it first";
      case 429:
        return "too many requests";
      case 500:
        return "llama runner process has terminated: exit status 2";
      case 503:
        return "server busy, please try again.  maximum pending requests exceeded";
      default:
        return HttpStatus.reason(status).toLowerCase(java.util.Locale.ROOT);
    }
  }

  static Response anthropicErrorResponse(
      int status, String type, String message, Map<String, String> headers) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("type", "error");
    root.putObject("error").put("type", type).put("message", message);
    return Response.json(status, contentType(Protocol.ANTHROPIC), root, headers);
  }

  static Response openAiErrorResponse(
      int status, String message, String type, String code, Map<String, String> headers) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.putNull("param");
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    return Response.json(status, contentType(Protocol.OPENAI), root, headers);
  }

  static Response ollamaErrorResponse(int status, String message) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("error", message);
    return Response.json(status, contentType(Protocol.OLLAMA), root, Map.of());
  }

  /** Answer to a request that is not the protocol's chat endpoint (wrong path or method). */
  static Response notFound(Protocol protocol, RecordedRequest request, int n) {
    String what = request.method() + " " + request.pathWithoutQuery();
    switch (protocol) {
      case ANTHROPIC:
        return anthropicErrorResponse(404, "not_found_error", "Not Found", ids(protocol, n));
      case OPENAI:
        return openAiErrorResponse(
            404, "Invalid URL (" + what + ")", "invalid_request_error", null, ids(protocol, n));
      case OLLAMA:
        if ((request.method().equals("GET") || request.method().equals("HEAD"))
            && request.pathWithoutQuery().equals("/")) {
          return new Response(
              200,
              "text/plain; charset=utf-8",
              Map.of(),
              "Ollama is running".getBytes(StandardCharsets.UTF_8));
        }
        return new Response(
            404,
            "text/plain; charset=utf-8",
            Map.of(),
            "404 page not found".getBytes(StandardCharsets.UTF_8));
      default:
        throw new AssertionError(protocol);
    }
  }

  /** Answer to a request that could not be parsed at all. */
  static Response badRequest(Protocol protocol, String reason) {
    switch (protocol) {
      case ANTHROPIC:
        return anthropicErrorResponse(
            400, "invalid_request_error", "Bad request: " + reason, new LinkedHashMap<>());
      case OPENAI:
        return openAiErrorResponse(
            400, "Bad request: " + reason, "invalid_request_error", null, new LinkedHashMap<>());
      case OLLAMA:
        return ollamaErrorResponse(400, "bad request: " + reason);
      default:
        throw new AssertionError(protocol);
    }
  }

  // ------------------------------------------------------------------ helpers

  private static String refusalText(Behavior.Refusal refusal, String usual) {
    return refusal.text() != null ? refusal.text() : usual;
  }

  private static String output(Behavior behavior) {
    if (behavior instanceof Behavior.Answer a) {
      return a.output();
    }
    if (behavior instanceof Behavior.Truncated t) {
      return t.output();
    }
    throw new IllegalArgumentException("no model output for " + behavior);
  }

  private static String model(RecordedRequest request, String fallback) {
    JsonNode json = request.json();
    if (json != null && json.path("model").isTextual() && !json.path("model").asText().isEmpty()) {
      return json.path("model").asText();
    }
    return fallback;
  }

  /** {@code text} parsed as a JSON object, or {@code null}. */
  static JsonNode parseObject(String text) {
    JsonNode node = parseJson(text);
    return node != null && node.isObject() ? node : null;
  }

  /** The body parsed as JSON, or {@code null} if it is empty or not JSON. */
  static JsonNode parseJson(String body) {
    if (body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static int inputTokens(RecordedRequest request) {
    return tokens(request.body());
  }

  /** A rough token count: four characters a token, at least one. */
  private static int tokens(String text) {
    return Math.max(1, (text.length() + 3) / 4);
  }
}

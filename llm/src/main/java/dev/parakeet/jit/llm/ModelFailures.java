package dev.parakeet.jit.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.port.ModelCallException.Kind;
import dev.parakeet.jit.wire.DocumentRejectedException;
import dev.parakeet.jit.wire.JitJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/**
 * Turns whatever went wrong in a model call into a {@link ModelCallException} with one readable,
 * credential-free line — the {@code fallbackReason} a lifter or developer sees — and a scrubbed
 * cause for the log.
 */
final class ModelFailures {

  private static final int MAX_PROVIDER_MESSAGE = 160;

  private final String provider;
  private final Secret secret;

  ModelFailures(String provider, Secret secret) {
    this.provider = provider;
    this.secret = secret;
  }

  ModelCallException classify(Throwable failure) {
    if (failure instanceof ModelCallException known) {
      return known;
    }
    Throwable cause = Redaction.scrub(failure, secret);
    if (failure instanceof DocumentRejectedException rejected) {
      String first = rejected.violations().isEmpty() ? "" : rejected.violations().get(0).toString();
      String more = rejected.violations().size() > 1 ? " (and " + (rejected.violations().size() - 1) + " more)" : "";
      return switch (rejected.stage()) {
        case SYNTAX -> new ModelCallException(Kind.MALFORMED, "the answer is not valid JSON: " + first, cause);
        case STRUCTURE -> new ModelCallException(Kind.MALFORMED, "the answer does not match the schema: " + first + more, cause);
        case BOUNDS -> new ModelCallException(Kind.OUT_OF_BOUNDS, first + more, cause);
      };
    }
    if (find(failure, ContentFilteredException.class) != null) {
      return new ModelCallException(Kind.REFUSAL, provider + " declined to answer (refusal)", cause);
    }
    HttpException http = find(failure, HttpException.class);
    if (http != null) {
      return new ModelCallException(
          Kind.HTTP_STATUS,
          provider + " answered HTTP " + http.statusCode() + statusMeaning(http.statusCode())
              + providerMessage(http.getMessage()),
          cause);
    }
    // Our own deadline cancels by interrupting the worker; whatever the client then throws is that.
    if (find(failure, InterruptedException.class) != null || Thread.currentThread().isInterrupted()) {
      return new ModelCallException(Kind.INTERRUPTED, "the call was cancelled", cause);
    }
    if (find(failure, HttpTimeoutException.class) != null
        || find(failure, dev.langchain4j.exception.TimeoutException.class) != null) {
      return new ModelCallException(Kind.TIMEOUT, provider + " did not answer in time", cause);
    }
    if (find(failure, UnresolvedModelServerException.class) != null
        || find(failure, ConnectException.class) != null) {
      return new ModelCallException(Kind.CONNECTION, "could not connect to " + provider, cause);
    }
    if (find(failure, JsonProcessingException.class) != null) {
      return new ModelCallException(
          Kind.MALFORMED, provider + "'s response was not valid JSON", cause);
    }
    IOException io = find(failure, IOException.class);
    if (io != null) {
      return new ModelCallException(
          Kind.CONNECTION,
          "connection to " + provider + " failed: " + io.getClass().getSimpleName()
              + (io.getMessage() == null ? "" : " " + Redaction.message(io.getMessage(), secret)),
          cause);
    }
    return new ModelCallException(
        Kind.UNEXPECTED,
        provider + " call failed: " + failure.getClass().getSimpleName()
            + (failure.getMessage() == null ? "" : ": " + Redaction.message(failure.getMessage(), secret)),
        cause);
  }

  private static String statusMeaning(int status) {
    return switch (status) {
      case 400 -> " (bad request)";
      case 401 -> " (authentication failed: check the API key)";
      case 403 -> " (permission denied)";
      case 404 -> " (not found: check the model name and base URL)";
      case 408 -> " (request timeout)";
      case 429 -> " (rate limited)";
      case 500 -> " (server error)";
      case 502, 503, 504 -> " (unavailable)";
      case 529 -> " (overloaded)";
      default -> "";
    };
  }

  /** The provider's own error message, shortened and scrubbed: {@code : rate_limit_error: …}. */
  private String providerMessage(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String text = body;
    try {
      JsonNode json = JitJson.mapper().readTree(body);
      JsonNode error = json.path("error");
      if (error.isTextual()) {
        text = error.asText();
      } else if (error.isObject()) {
        String type = error.path("type").asText("");
        String message = error.path("message").asText("");
        text = type.isEmpty() ? message : message.isEmpty() ? type : type + ": " + message;
      }
    } catch (IOException e) {
      // Not JSON: the raw body (shortened below) is the best description there is.
      text = body;
    }
    text = Redaction.message(text.replaceAll("\\s+", " ").strip(), secret);
    if (text.length() > MAX_PROVIDER_MESSAGE) {
      text = text.substring(0, MAX_PROVIDER_MESSAGE - 1) + "…";
    }
    return text.isEmpty() ? "" : ": " + text;
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}

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
 * cause for the log. Every failure leaves through {@link ProviderText#failure}.
 */
final class ModelFailures {

  private static final int MAX_PROVIDER_MESSAGE = 160;

  private final String provider;
  private final ProviderText untrusted;

  ModelFailures(String provider, ProviderText untrusted) {
    this.provider = provider;
    this.untrusted = untrusted;
  }

  ModelCallException classify(Throwable failure) {
    if (failure instanceof ModelCallException known) {
      return untrusted.failure(known.kind(), known.getMessage(), known.getCause());
    }
    if (failure instanceof DocumentRejectedException rejected) {
      String first = rejected.violations().isEmpty() ? "" : rejected.violations().get(0).toString();
      String more = rejected.violations().size() > 1 ? " (and " + (rejected.violations().size() - 1) + " more)" : "";
      return switch (rejected.stage()) {
        case SYNTAX -> untrusted.failure(Kind.MALFORMED, "the answer is not valid JSON: " + first, failure);
        case STRUCTURE -> untrusted.failure(Kind.MALFORMED, "the answer does not match the schema: " + first + more, failure);
        case BOUNDS -> untrusted.failure(Kind.OUT_OF_BOUNDS, first + more, failure);
      };
    }
    if (find(failure, ContentFilteredException.class) != null) {
      return untrusted.failure(Kind.REFUSAL, provider + " declined to answer (refusal)", failure);
    }
    HttpException http = find(failure, HttpException.class);
    if (http != null) {
      return untrusted.failure(
          Kind.HTTP_STATUS,
          provider + " answered HTTP " + http.statusCode() + statusMeaning(http.statusCode())
              + providerMessage(http.getMessage()),
          failure);
    }
    // Our own deadline cancels by interrupting the worker; whatever the client then throws is that.
    if (find(failure, InterruptedException.class) != null || Thread.currentThread().isInterrupted()) {
      return untrusted.failure(Kind.INTERRUPTED, "the call was cancelled", failure);
    }
    if (find(failure, HttpTimeoutException.class) != null
        || find(failure, dev.langchain4j.exception.TimeoutException.class) != null) {
      return untrusted.failure(Kind.TIMEOUT, provider + " did not answer in time", failure);
    }
    if (find(failure, UnresolvedModelServerException.class) != null
        || find(failure, ConnectException.class) != null) {
      return untrusted.failure(Kind.CONNECTION, "could not connect to " + provider, failure);
    }
    if (find(failure, JsonProcessingException.class) != null) {
      return untrusted.failure(Kind.MALFORMED, provider + "'s response was not valid JSON", failure);
    }
    IOException io = find(failure, IOException.class);
    if (io != null) {
      return untrusted.failure(
          Kind.CONNECTION,
          "connection to " + provider + " failed: " + io.getClass().getSimpleName()
              + (io.getMessage() == null ? "" : " " + io.getMessage()),
          failure);
    }
    return untrusted.failure(
        Kind.UNEXPECTED,
        provider + " call failed: " + failure.getClass().getSimpleName()
            + (failure.getMessage() == null ? "" : ": " + failure.getMessage()),
        failure);
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

  /** The provider's own error message, scrubbed and shortened: {@code : rate_limit_error: …}. */
  private String providerMessage(String received) {
    if (received == null || received.isBlank()) {
      return "";
    }
    // Scrubbed as it is read, raw and decoded: it is shortened below, and half a key is hard to find.
    String body = untrusted.received(received);
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
    text = untrusted.received(text).replaceAll("\\s+", " ").strip();
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

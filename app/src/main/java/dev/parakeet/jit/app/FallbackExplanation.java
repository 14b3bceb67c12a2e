package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.port.ModelCallException.Kind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fallback to the formula told in plain words: what happened, and what the person can do about
 * it. The machine-readable kind stays in the output's {@code fallbackReason}
 * ({@code "http_status: anthropic answered HTTP 429 …"}); this is what the card and the notes
 * say instead.
 *
 * @param happened one sentence ending in "so this is the formula's session."
 * @param advice one or two sentences, or empty when there is nothing to do
 */
record FallbackExplanation(String happened, String advice) {

  private static final String FORMULA = ", so this is the formula's session.";
  private static final Pattern HTTP_STATUS = Pattern.compile("HTTP (\\d{3})");

  /** Both sentences on one line. */
  String sentence() {
    return advice.isEmpty() ? happened : happened + " " + advice;
  }

  static FallbackExplanation of(String fallbackReason) {
    String reason = fallbackReason == null ? "" : fallbackReason.strip();
    Kind kind = null;
    String detail = reason;
    for (Kind candidate : Kind.values()) {
      String prefix = candidate.wire() + ":";
      if (reason.startsWith(prefix)) {
        kind = candidate;
        detail = reason.substring(prefix.length()).strip();
        break;
      }
    }
    if (kind == null) {
      return new FallbackExplanation(
          "The model's answer was not used" + details(detail) + FORMULA, "");
    }
    return switch (kind) {
      case NOT_CONFIGURED ->
          new FallbackExplanation("No language model is configured" + FORMULA, howToConfigure(detail));
      case TIMEOUT ->
          new FallbackExplanation(
              "The language model did not answer in time" + details(detail) + FORMULA,
              "Try again, or allow it longer with --timeout-ms (at most "
                  + Bounds.TIMEOUT_MS.max() + ").");
      case CONNECTION ->
          new FallbackExplanation(
              "The language model could not be reached" + details(detail) + FORMULA,
              "Check that its server is running and that the base URL is right.");
      case HTTP_STATUS ->
          new FallbackExplanation(
              "The language model's server answered with an error" + details(detail) + FORMULA,
              httpAdvice(detail));
      case REFUSAL ->
          new FallbackExplanation(
              "The language model declined to answer" + FORMULA,
              "Nothing needs doing: the formula's session is a safe one.");
      case TRUNCATED ->
          new FallbackExplanation(
              "The language model's answer was cut off" + FORMULA,
              "Try again, or another model with --model.");
      case MALFORMED ->
          new FallbackExplanation(
              "The language model's answer could not be read" + details(detail) + FORMULA,
              "Try again, or a model that supports structured output (--model).");
      case OUT_OF_BOUNDS ->
          new FallbackExplanation(
              "The language model proposed a change outside the allowed bounds"
                  + details(detail) + FORMULA,
              "Nothing needs doing: the bounds are there to protect you.");
      case OVER_CAPACITY ->
          new FallbackExplanation(
              "The language model was already answering as many sessions as it may" + FORMULA,
              "Try again in a moment.");
      case OVER_BUDGET ->
          new FallbackExplanation(
              "This lifter's hourly allowance of model calls is used up" + FORMULA,
              "The model will be asked again next hour.");
      case INTERRUPTED ->
          new FallbackExplanation("The model call was cancelled before it finished" + FORMULA, "");
      case UNEXPECTED ->
          new FallbackExplanation(
              "The model call failed unexpectedly" + details(detail) + FORMULA,
              "Run again with --verbose to see why.");
    };
  }

  private static String details(String detail) {
    return detail.isEmpty() ? "" : " (" + detail + ")";
  }

  /** The variables of the provider the reason names; Anthropic (the default) otherwise. */
  private static String howToConfigure(String detail) {
    String upper = detail.toUpperCase(Locale.ROOT);
    if (upper.contains("OPENAI_")) {
      return "Set OPENAI_API_KEY, or OPENAI_BASE_URL for a local OpenAI-compatible server.";
    }
    if (upper.contains("OLLAMA_")) {
      return "Set OLLAMA_BASE_URL (for example http://localhost:11434).";
    }
    return "Set ANTHROPIC_API_KEY, or --provider ollama with OLLAMA_BASE_URL.";
  }

  private static String httpAdvice(String detail) {
    Matcher status = HTTP_STATUS.matcher(detail);
    int code = status.find() ? Integer.parseInt(status.group(1)) : 0;
    return switch (code) {
      case 401 -> "Check the API key.";
      case 403 -> "Check that the API key may use this model.";
      case 404 -> "Check the model name (--model) and the base URL.";
      case 408, 429 -> "Wait a little and try again.";
      case 400, 413, 422 -> "Try again, or another model with --model.";
      default -> code >= 500 ? "The provider is having trouble: try again later." : "Try again later.";
    };
  }
}

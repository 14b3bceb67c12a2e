package dev.parakeet.jit.llm;

import dev.parakeet.jit.secrets.Secret;
import dev.parakeet.jit.secrets.Secrets;
import java.time.Duration;
import java.util.Map;

/**
 * Which model to ask and how (SPEC §9.2). Built from the environment, with command-line flags
 * taking precedence. Base URLs follow the official SDKs' conventions: Anthropic's and Ollama's
 * are the server root, OpenAI's includes {@code /v1}.
 *
 * @param baseUrl as the user gave it, or null for the provider's default
 * @param apiKey null when not set
 * @param structuredOutput how the answer's shape is enforced (Anthropic may use a forced tool call)
 * @param breakerFailures consecutive failures after which {@code auto} stops asking for a while
 * @param breakerCooldown how long {@code auto} serves the formula before probing again
 */
public record LlmSettings(
    ProviderKind provider,
    String model,
    Duration deadline,
    String baseUrl,
    Secret apiKey,
    StructuredOutput structuredOutput,
    int breakerFailures,
    Duration breakerCooldown) {

  public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(5_000);
  /** Ten minutes: longer is no deadline at all, and far longer overflows the clock arithmetic. */
  public static final Duration MAX_DEADLINE = Duration.ofMinutes(10);
  static final int DEFAULT_BREAKER_FAILURES = 3;
  /** More consecutive failures than this before stopping is no breaker at all. */
  static final int MAX_BREAKER_FAILURES = 1_000;
  static final Duration DEFAULT_BREAKER_COOLDOWN = Duration.ofSeconds(30);
  /** One day: a longer pause is "never ask again", which is what --strategy formula is for. */
  static final Duration MAX_BREAKER_COOLDOWN = Duration.ofDays(1);

  /** How the provider is made to answer in the adjustment's shape. */
  public enum StructuredOutput {
    /** The provider's own JSON-schema mode. */
    NATIVE,
    /** A forced call of one tool whose parameters are the schema (for models without native mode). */
    TOOL
  }

  public LlmSettings {
    if (deadline.isZero() || deadline.isNegative()) {
      throw new IllegalArgumentException("the LLM timeout must be positive, was " + deadline.toMillis() + " ms");
    }
    if (deadline.compareTo(MAX_DEADLINE) > 0) {
      throw new IllegalArgumentException(
          "the LLM timeout must be at most " + MAX_DEADLINE.toMillis() + " ms, was " + deadline.toMillis() + " ms");
    }
    if (breakerFailures < 1 || breakerFailures > MAX_BREAKER_FAILURES) {
      throw new IllegalArgumentException(
          "breaker failures must be from 1 to " + MAX_BREAKER_FAILURES + ", was " + breakerFailures);
    }
    if (breakerCooldown.toMillis() < 1 || breakerCooldown.compareTo(MAX_BREAKER_COOLDOWN) > 0) {
      throw new IllegalArgumentException("the breaker's cool-down must be from 1 to "
          + MAX_BREAKER_COOLDOWN.toMillis() + " ms, was " + breakerCooldown.toMillis() + " ms");
    }
  }

  /** Flags from the command line; null means "not given". */
  public record Overrides(String provider, String model, Long timeoutMs) {
    public static final Overrides NONE = new Overrides(null, null, null);
  }

  /**
   * Reads {@code PARAKEET_LLM_PROVIDER}, {@code PARAKEET_LLM_MODEL}, {@code
   * PARAKEET_LLM_TIMEOUT_MS}, the provider's key and base URL, and the optional {@code
   * PARAKEET_LLM_STRUCTURED_OUTPUT}, {@code PARAKEET_LLM_BREAKER_FAILURES} and {@code
   * PARAKEET_LLM_BREAKER_COOLDOWN_MS}; flags win over the environment. Every provider key found
   * is registered with the process's {@link Secrets}, the chosen provider's or not: whatever
   * comes back from any provider is scrubbed of all of them.
   *
   * @throws IllegalArgumentException naming the setting that is wrong
   */
  public static LlmSettings from(Map<String, String> env, Overrides flags) {
    ProviderKind provider =
        ProviderKind.parse(first(flags.provider(), env.get("PARAKEET_LLM_PROVIDER"), "anthropic"));
    String model = first(flags.model(), env.get("PARAKEET_LLM_MODEL"), provider.defaultModel());
    Duration deadline =
        flags.timeoutMs() != null
            ? Duration.ofMillis(flags.timeoutMs())
            : Duration.ofMillis(
                number(env, "PARAKEET_LLM_TIMEOUT_MS", DEFAULT_DEADLINE.toMillis(), 1, MAX_DEADLINE.toMillis()));
    String baseUrl;
    Secret key;
    Secret anthropicKey = Secrets.process().register(env.get("ANTHROPIC_API_KEY"));
    Secret openAiKey = Secrets.process().register(env.get("OPENAI_API_KEY"));
    switch (provider) {
      case ANTHROPIC -> {
        baseUrl = blankToNull(env.get("ANTHROPIC_BASE_URL"));
        key = anthropicKey;
      }
      case OPENAI -> {
        baseUrl = blankToNull(env.get("OPENAI_BASE_URL"));
        key = openAiKey;
      }
      default -> {
        baseUrl = blankToNull(env.get("OLLAMA_BASE_URL"));
        key = null;
      }
    }
    String mode = first(null, env.get("PARAKEET_LLM_STRUCTURED_OUTPUT"), "native");
    StructuredOutput structuredOutput;
    try {
      structuredOutput = StructuredOutput.valueOf(mode.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "PARAKEET_LLM_STRUCTURED_OUTPUT must be native or tool, was '" + mode + "'", e);
    }
    return new LlmSettings(
        provider,
        model,
        deadline,
        baseUrl,
        key,
        structuredOutput,
        (int) number(env, "PARAKEET_LLM_BREAKER_FAILURES", DEFAULT_BREAKER_FAILURES, 1, MAX_BREAKER_FAILURES),
        Duration.ofMillis(number(env, "PARAKEET_LLM_BREAKER_COOLDOWN_MS", DEFAULT_BREAKER_COOLDOWN.toMillis(),
            1, MAX_BREAKER_COOLDOWN.toMillis())));
  }

  /**
   * Whether a model can be asked at all: Anthropic needs a key; OpenAI a key or a base URL (a
   * local OpenAI-compatible server); Ollama a base URL.
   */
  public boolean configured() {
    return switch (provider) {
      case ANTHROPIC -> apiKey != null;
      case OPENAI -> apiKey != null || baseUrl != null;
      case OLLAMA -> baseUrl != null;
    };
  }

  /** What to set to configure this provider, for the message of an unconfigured call. */
  public String howToConfigure() {
    return switch (provider) {
      case ANTHROPIC -> "no LLM provider configured: set ANTHROPIC_API_KEY, or choose --provider openai|ollama";
      case OPENAI -> "no LLM provider configured: set OPENAI_API_KEY or OPENAI_BASE_URL";
      case OLLAMA -> "no LLM provider configured: set OLLAMA_BASE_URL (e.g. http://localhost:11434)";
    };
  }

  /** {@code anthropic/claude-haiku-4-5}: for logs and messages; never contains a credential. */
  public String describe() {
    return provider.wire() + "/" + model;
  }

  /** The base URL LangChain4j expects (it appends {@code messages}, {@code chat/completions}, {@code api/chat}). */
  String clientBaseUrl() {
    return switch (provider) {
      case ANTHROPIC -> stripSlash(baseUrl == null ? "https://api.anthropic.com" : baseUrl) + "/v1";
      case OPENAI -> stripSlash(baseUrl == null ? "https://api.openai.com/v1" : baseUrl);
      case OLLAMA -> stripSlash(baseUrl == null ? "http://localhost:11434" : baseUrl);
    };
  }

  @Override
  public String toString() {
    return "LlmSettings[" + describe() + ", deadline " + deadline.toMillis() + " ms, base "
        + clientBaseUrl() + ", key " + (apiKey == null ? "unset" : "set") + ", " + structuredOutput + "]";
  }

  private static String first(String flag, String env, String fallback) {
    if (flag != null && !flag.isBlank()) {
      return flag.strip();
    }
    return env != null && !env.isBlank() ? env.strip() : fallback;
  }

  /** A whole number from the environment within [min, max]; the message names the variable and its range. */
  private static long number(Map<String, String> env, String name, long fallback, long min, long max) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    long number;
    try {
      number = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      number = min - 1; // not a number, or beyond a long: out of range all the same
    }
    if (number < min || number > max) {
      throw new IllegalArgumentException(
          name + " must be a whole number from " + min + " to " + max + ", was '" + value.strip() + "'");
    }
    return number;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

package dev.parakeet.jit.store;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a generation that asked a model records about that call (SPEC §8, {@code llm_decisions}):
 * plain data, written in the same transaction as the generation it belongs to ({@link
 * GenerationToStore#decision()}). Whoever builds it has already scrubbed every string that came from
 * the provider; the store keeps them as given.
 *
 * @param provider e.g. {@code anthropic}, {@code openai}, {@code ollama}
 * @param model the model name as configured
 * @param promptVersion a short hash of the system prompt and schema the call used
 * @param latencyMs how long the call took, or waited before it was given up
 * @param inputTokens as the provider reported them, or null
 * @param outputTokens as the provider reported them, or null
 * @param outcome {@link #USED}, {@link #CLAMPED} (the hard constraints' over-reaction guard changed
 *     the answer), or the kind of failure in lower case ({@code timeout}, {@code malformed}, ...)
 * @param rawAdjustmentJson the model's adjustment as it answered it (JSON), or null when there was
 *     none
 * @param failureReason the one-line reason the answer was not used, or null
 * @param createdAt when the call was made; null means when the generation is recorded
 */
public record LlmDecision(
    String provider,
    String model,
    String promptVersion,
    long latencyMs,
    Integer inputTokens,
    Integer outputTokens,
    String outcome,
    String rawAdjustmentJson,
    String failureReason,
    Instant createdAt) {

  public static final String USED = "used";
  public static final String CLAMPED = "clamped";

  private static final Pattern OUTCOME = Pattern.compile("[a-z][a-z_]*");

  public LlmDecision {
    requireText(provider, "provider", 100);
    requireText(model, "model", 200);
    requireText(promptVersion, "promptVersion", 64);
    Objects.requireNonNull(outcome, "outcome");
    if (!OUTCOME.matcher(outcome).matches()) {
      throw new IllegalArgumentException(
          "outcome must be used, clamped or a failure kind in lower case, was \"" + outcome + "\"");
    }
    if (latencyMs < 0) {
      throw new IllegalArgumentException("latencyMs must be >= 0, was " + latencyMs);
    }
    if (inputTokens != null && inputTokens < 0 || outputTokens != null && outputTokens < 0) {
      throw new IllegalArgumentException("token counts must be >= 0");
    }
  }

  private static void requireText(String value, String name, int max) {
    Objects.requireNonNull(value, name);
    if (value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(name + " must be 1.." + max + " characters");
    }
  }
}

package dev.parakeet.jit.engine.port;

/**
 * The tokens one model call used, as the provider reported them; either count is null when the
 * provider did not say.
 */
public record TokenUsage(Integer inputTokens, Integer outputTokens) {

  public TokenUsage {
    if (inputTokens != null && inputTokens < 0 || outputTokens != null && outputTokens < 0) {
      throw new IllegalArgumentException("token counts must be >= 0");
    }
  }
}

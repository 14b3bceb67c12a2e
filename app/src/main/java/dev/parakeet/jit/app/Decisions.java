package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.port.TokenUsage;
import dev.parakeet.jit.engine.strategy.ModelDecision;
import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.llm.PromptVersion;
import dev.parakeet.jit.secrets.Secrets;
import dev.parakeet.jit.store.LlmDecision;
import dev.parakeet.jit.wire.JitJson;

/**
 * The engine's {@link ModelDecision} as the store keeps it ({@link LlmDecision}): the configured
 * provider and model, the prompt's version, the call's latency and tokens, the outcome, the raw
 * adjustment and the reason. Every string that came from the provider was scrubbed at the llm
 * adapter's border; it is scrubbed once more here, where it is about to become a row that is never
 * purged.
 */
final class Decisions {

  private final LlmSettings settings;
  private final Secrets secrets;

  Decisions(LlmSettings settings, Secrets secrets) {
    this.settings = settings;
    this.secrets = secrets;
  }

  LlmDecision record(ModelDecision decision) {
    TokenUsage tokens = decision.tokens().orElse(new TokenUsage(null, null));
    return new LlmDecision(
        settings.provider().wire(),
        settings.model(),
        PromptVersion.current(),
        decision.latency().toMillis(),
        tokens.inputTokens(),
        tokens.outputTokens(),
        decision.outcome(),
        rawAdjustment(decision),
        decision.failureReason().map(secrets::scrub).orElse(null),
        null);
  }

  /**
   * The answer's text when it is JSON (after scrubbing), else the parsed adjustment written as
   * JSON; null when the model gave none.
   */
  private String rawAdjustment(ModelDecision decision) {
    if (decision.adjustment().isEmpty()) {
      return null;
    }
    String raw = decision.rawAdjustmentJson().map(secrets::scrub).orElse(null);
    if (raw != null) {
      try {
        JitJson.readTree(raw);
        return raw;
      } catch (RuntimeException notJson) {
        // Falls through to the parsed adjustment, which is always JSON.
      }
    }
    return secrets.scrub(JitJson.write(decision.adjustment().get()));
  }
}

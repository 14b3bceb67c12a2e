package dev.parakeet.jit.engine.port;

import java.util.Objects;
import java.util.Optional;

/**
 * What a model answered one call with: the adjustment (parsed strictly, bounds checked, scrubbed
 * of secrets), the answer's JSON text as the provider sent it (scrubbed too; kept for the decision
 * record), and the tokens it cost when the provider reported them.
 */
public record ModelAnswer(JitAdjustment adjustment, String rawJson, Optional<TokenUsage> tokens) {

  public ModelAnswer {
    Objects.requireNonNull(adjustment, "adjustment");
    Objects.requireNonNull(tokens, "tokens");
  }

  /** An answer known only as its adjustment (in-process models, tests): no raw text, no usage. */
  public static ModelAnswer of(JitAdjustment adjustment) {
    return new ModelAnswer(adjustment, null, Optional.empty());
  }
}

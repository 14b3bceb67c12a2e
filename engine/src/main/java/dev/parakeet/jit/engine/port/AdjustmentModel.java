package dev.parakeet.jit.engine.port;

import java.util.concurrent.CompletableFuture;

/**
 * Port: a language model that answers a lifter's context with a bounded adjustment. Adapters
 * (Anthropic, OpenAI-compatible, Ollama) live in the {@code llm} module.
 *
 * <p>Contract: {@link #propose} returns at once. The future completes with an answer whose
 * adjustment has already been parsed strictly and checked against the bounds of {@link
 * JitAdjustment} (with the tokens the call used, when the provider reports them), or
 * exceptionally with a {@link dev.parakeet.jit.engine.port.ModelCallException}.
 * Cancelling the future must abort the exchange for real (close the connection): the LLM
 * strategy cancels it when its deadline expires.
 */
public interface AdjustmentModel {

  /** Provider and model, e.g. {@code anthropic/claude-haiku-4-5}; never a credential. */
  String describe();

  CompletableFuture<ModelAnswer> propose(LlmContext context);

  /** A model that is not there: every call fails at once with {@code not_configured}. */
  static AdjustmentModel unconfigured(String why) {
    return new AdjustmentModel() {
      @Override
      public String describe() {
        return "none";
      }

      @Override
      public CompletableFuture<ModelAnswer> propose(LlmContext context) {
        return CompletableFuture.failedFuture(
            new ModelCallException(ModelCallException.Kind.NOT_CONFIGURED, why));
      }
    };
  }
}

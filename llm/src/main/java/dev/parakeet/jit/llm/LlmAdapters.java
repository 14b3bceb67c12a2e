package dev.parakeet.jit.llm;

import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.ModelAvailability;
import java.time.Duration;

/**
 * The LLM side of the composition root: from settings, the model port and the availability that
 * {@code auto} consults. Close it to release the provider's worker threads.
 */
public final class LlmAdapters implements AutoCloseable {

  private final AdjustmentModel model;
  private final ModelAvailability availability;
  private final Duration deadline;
  private final Runnable resources;

  private LlmAdapters(
      AdjustmentModel model, ModelAvailability availability, Duration deadline, Runnable resources) {
    this.model = model;
    this.availability = availability;
    this.deadline = deadline;
    this.resources = resources;
  }

  /**
   * The configured provider behind its circuit breaker, its calls made on {@code callThread}; the
   * offline adapters when no provider is configured.
   */
  public static LlmAdapters create(LlmSettings settings, ProviderAdjustmentModel.CallThread callThread) {
    if (!settings.configured()) {
      return offline(settings, settings.howToConfigure());
    }
    ProviderAdjustmentModel provider = new ProviderAdjustmentModel(settings, callThread);
    CircuitBreakingModel breaker =
        new CircuitBreakingModel(provider, settings.breakerFailures(), settings.breakerCooldown());
    return new LlmAdapters(breaker, breaker, settings.deadline(), provider::close);
  }

  /**
   * No model at all, for a caller that will only use the formula: building a provider's client
   * costs start-up time (half a second on a command line) for nothing.
   */
  public static LlmAdapters unused(LlmSettings settings) {
    return offline(settings, "no model is used with the formula strategy");
  }

  private static LlmAdapters offline(LlmSettings settings, String why) {
    return new LlmAdapters(
        AdjustmentModel.unconfigured(why), ModelAvailability.offline(), settings.deadline(), () -> { });
  }

  public AdjustmentModel model() {
    return model;
  }

  public ModelAvailability availability() {
    return availability;
  }

  /** The overall budget of one generation's model call. */
  public Duration deadline() {
    return deadline;
  }

  @Override
  public void close() {
    resources.run();
  }
}

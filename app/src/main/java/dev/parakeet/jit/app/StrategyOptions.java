package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.llm.LlmSettings;
import picocli.CommandLine.Option;

/** The options that choose and configure a strategy, shared by {@code generate} and {@code replay}. */
final class StrategyOptions {

  @Option(
      names = "--strategy",
      paramLabel = "auto|formula|llm|hybrid",
      defaultValue = "auto",
      converter = OptionValues.Strategy.class,
      description =
          "Which strategy generates the session (default: ${DEFAULT-VALUE}). auto uses the model"
              + " when a provider is configured and healthy, else the formula.")
  StrategySetting strategy;

  @Option(
      names = "--provider",
      paramLabel = "anthropic|openai|ollama",
      converter = OptionValues.Provider.class,
      description = "The model provider (default: $PARAKEET_LLM_PROVIDER, else anthropic).")
  String provider;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      description =
          "The model (default: $PARAKEET_LLM_MODEL, else claude-haiku-4-5, gpt-4o-mini or llama3.1).")
  String model;

  @Option(
      names = "--timeout-ms",
      paramLabel = "N",
      converter = Bounds.TimeoutMs.class,
      description =
          "The overall deadline of the model call, 1 to 600000 ms (default: $PARAKEET_LLM_TIMEOUT_MS,"
              + " else 5000).")
  Long timeoutMs;

  LlmSettings.Overrides llmOverrides() {
    return new LlmSettings.Overrides(provider, model, timeoutMs);
  }
}

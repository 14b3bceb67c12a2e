package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.StrategySetting;
import picocli.CommandLine.Option;

/** The options that choose and configure a strategy, shared by {@code generate} and {@code replay}. */
final class StrategyOptions {

  @Option(
      names = "--strategy",
      paramLabel = "auto|formula|llm|hybrid",
      defaultValue = "auto",
      description =
          "Which strategy generates the session (default: ${DEFAULT-VALUE}). auto uses the model"
              + " when a provider is configured and healthy, else the formula.")
  StrategySetting strategy;
}

package dev.parakeet.jit.app;

import dev.parakeet.jit.llm.LlmSettings;
import picocli.CommandLine.Command;

/** {@code ./parakeet}: the top-level command. */
@Command(
    name = "parakeet",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Parakeet JIT: today's strength session from today's state.",
    subcommands = {GenerateCommand.class, ReplayCommand.class},
    footer = {
      "",
      "Exit status: 0 generated (a fallback to the formula is not an error), 2 the input was"
          + " rejected, 1 anything else."
    })
final class ParakeetCommand implements Runnable {

  final Console console;
  final RuntimeFactory runtimes;

  ParakeetCommand(Console console, RuntimeFactory runtimes) {
    this.console = console;
    this.runtimes = runtimes;
  }

  @Override
  public void run() {
    console.err().println("parakeet: a command is required (generate, replay); see --help");
  }

  /** How commands get their runtime from the configuration; tests substitute their own clock. */
  @FunctionalInterface
  interface RuntimeFactory {
    Runtime create(LlmSettings settings);
  }

  /** The runtime for a command's options, or null after telling the user what is wrong. */
  Runtime runtime(StrategyOptions options) {
    try {
      return runtimes.create(LlmSettings.from(console.env(), options.llmOverrides()));
    } catch (IllegalArgumentException e) {
      console.err().println("parakeet: invalid configuration: " + e.getMessage());
      return null;
    }
  }
}

package dev.parakeet.jit.app;

import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.StoreException;
import dev.parakeet.jit.wire.JitInputReader;
import java.time.Clock;
import picocli.CommandLine.Command;

/** {@code ./parakeet}: the top-level command. */
@Command(
    name = "parakeet",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Parakeet JIT: today's strength session from today's state.",
    subcommands = {
      GenerateCommand.class,
      ReplayCommand.class,
      SessionsCommand.class,
      ComparisonsCommand.class,
      ServeCommand.class
    },
    footer = {
      "",
      "Exit status: 0 generated (a fallback to the formula is not an error), 2 the input was"
          + " rejected, 1 anything else."
    })
final class ParakeetCommand implements Runnable {

  final Console console;
  final Clock clock;
  private JitInputReader reader;

  ParakeetCommand(Console console, Clock clock) {
    this.console = console;
    this.clock = clock;
  }

  @Override
  public void run() {
    throw CommandFailure.rejected("a command is required (generate, replay, sessions, comparisons); see --help");
  }

  /** The input reader (its validator is costly to build, so there is one per process). */
  synchronized JitInputReader reader() {
    if (reader == null) {
      reader = new JitInputReader();
    }
    return reader;
  }

  /**
   * The runtime for a command's options, storing in the configured database unless {@code store}
   * is false.
   *
   * @throws CommandFailure when the configuration is invalid or the store cannot be opened
   */
  Runtime runtime(StrategyOptions options, DatabaseOption db, boolean store) {
    LlmSettings settings;
    try {
      settings = LlmSettings.from(console.env(), options.llmOverrides());
    } catch (IllegalArgumentException e) {
      throw CommandFailure.rejected("invalid configuration: " + e.getMessage());
    }
    return Runtime.create(clock, settings, options.strategy, store ? database(db) : null);
  }

  /**
   * The session store named by {@code --db}, the environment or the default.
   *
   * @throws CommandFailure when it cannot be opened
   */
  Database database(DatabaseOption db) {
    String url = Database.resolveUrl(db.url, console.env(), console.home());
    try {
      return Database.open(url, clock);
    } catch (StoreException e) {
      throw new CommandFailure(ExitCode.FAILURE, "cannot open the session store: " + e.getMessage(), e);
    }
  }
}

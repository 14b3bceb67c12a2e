package dev.parakeet.jit.app;

import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.llm.ProviderAdjustmentModel;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.wire.JitInputReader;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code ./parakeet}: the top-level command. */
@Command(
    name = "parakeet",
    mixinStandardHelpOptions = true,
    // No command is a method: picocli need not look through every method for one (start-up).
    addMethodSubcommands = false,
    versionProvider = Version.class,
    description = "Parakeet JIT: today's strength session from today's state.",
    // The subcommands (COMMANDS) are added by Cli, only those a command line needs.
    footer = {
      "",
      "Exit status: 0 generated (a fallback to the formula is not an error), 2 the input or the"
          + " command line was rejected, 1 anything else."
    })
final class ParakeetCommand implements Runnable {

  /** Every command, in the order the help lists them. */
  static final List<Class<?>> COMMANDS =
      List.of(GenerateCommand.class, ReplayCommand.class, SessionsCommand.class, ComparisonsCommand.class, ServeCommand.class);

  /** The only option of this command that can stand before a command's name (the others end the run). */
  private static final String VERBOSE = "--verbose";

  /**
   * The commands a command line needs: the one it names, when it starts with a command's name
   * (after {@code --verbose}); otherwise all of them (help, a missing, unknown or mistyped command
   * list or suggest them). picocli builds a command's model by reflection over its options, a good
   * part of a short run's start.
   */
  static List<Class<?>> commandsFor(String... args) {
    String word = commandWord(args);
    if (word != null) {
      for (Class<?> command : COMMANDS) {
        if (command.getAnnotation(Command.class).name().equals(word)) {
          return List.of(command);
        }
      }
    }
    return COMMANDS;
  }

  /** The word where a command's name stands (after {@code --verbose}), or null when there is none. */
  static String commandWord(String... args) {
    int first = 0;
    while (first < args.length && VERBOSE.equals(args[first])) {
      first++;
    }
    return first < args.length ? args[first] : null;
  }

  /** Whether the command named {@code word} reads JitInputs (so its reader is worth a head start). */
  static boolean readsInputs(String word) {
    return GenerateCommand.NAME.equals(word) || ReplayCommand.NAME.equals(word);
  }

  final Console console;
  final Clock clock;
  private final LogLevels levels;
  private JitInputReader reader;

  ParakeetCommand(Console console, Clock clock, LogLevels levels) {
    this.console = console;
    this.clock = clock;
    this.levels = levels;
  }

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Also log each model failure with its cause, and the circuit breaker's changes.")
  void verbose(boolean verbose) {
    if (verbose) {
      levels.verbose();
    }
  }

  @Override
  public void run() {
    throw CommandFailure.usage("a command is required: generate, replay, sessions or comparisons");
  }

  /**
   * Starts building the input reader on a thread of its own, so that it is (nearly) ready when the
   * command asks for it: on two cores this overlaps with the logging set-up and picocli's parsing,
   * which come first. {@link #reader()} waits for it; should it fail, the command builds it again
   * and fails there, as without this.
   */
  void prepareReader() {
    Thread thread = new Thread(this::readerQuietly, "parakeet-reader-setup");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Starts loading what opening the store named by {@code db} uses on a thread of its own ({@link
   * Database#prepareOpening}: no database is touched), to overlap with reading the input; for
   * SQLite, the driver's native library too (from the copy {@link SessionStore#keepSqliteLibrary}
   * keeps).
   */
  void prepareStore(DatabaseOption db) {
    Thread thread = new Thread(() -> storeQuietly(db), "parakeet-store-setup");
    thread.setDaemon(true);
    thread.start();
  }

  private void storeQuietly(DatabaseOption db) {
    try {
      String url = SessionStore.url(db.url, console);
      if (Database.sqliteFile(url).isPresent()) {
        SessionStore.keepSqliteLibrary(console);
      }
      Database.prepareOpening(url);
    } catch (RuntimeException | LinkageError e) {
      // Only a head start: the command opens the store itself and reports any failure.
    }
  }

  private void readerQuietly() {
    try {
      reader();
    } catch (RuntimeException | LinkageError e) {
      // The command builds it again and reports the failure.
    }
  }

  /** The input reader (its validator is costly to build, so there is one per process). */
  synchronized JitInputReader reader() {
    if (reader == null) {
      reader = new JitInputReader();
    }
    return reader;
  }

  /**
   * The runtime for a command's options, recording in the configured database opened for {@code
   * use} ({@link SessionStore.Use#RECORD} or {@link SessionStore.Use#RECORD_ONE}), or in none when
   * {@code use} is null.
   *
   * @throws CommandFailure when the configuration is invalid or the store cannot be opened
   */
  Runtime runtime(StrategyOptions options, DatabaseOption db, SessionStore.Use use) {
    LlmSettings settings;
    try {
      settings = LlmSettings.from(console.env(), options.llmOverrides());
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage("invalid configuration: " + e.getMessage());
    }
    Database database = use != null ? database(db, use) : null;
    return Runtime.create(
        clock, settings, options.strategy, database, console::message, java.util.function.UnaryOperator.identity(),
        ProviderAdjustmentModel.CallThread.WORKER);
  }

  /**
   * The session store named by {@code --db}, the environment or the default, opened for {@code use}.
   *
   * @throws CommandFailure when it cannot be opened
   */
  Database database(DatabaseOption db, SessionStore.Use use) {
    return SessionStore.open(db.url, console, clock, use);
  }
}

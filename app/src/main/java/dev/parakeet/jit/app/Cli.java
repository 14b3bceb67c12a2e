package dev.parakeet.jit.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line, assembled with its console and runtime so it can run in a test as in a shell.
 * Every usage error, whether picocli or a command found it, is told the same way: one
 * {@code parakeet: …} line, then {@code see 'parakeet COMMAND --help'}, exit 2.
 */
public final class Cli {

  /** Looked up on first use: a run that logs nothing never sets up logging (a short run's start-up). */
  private static final class Log {
    static final Logger CLI = LoggerFactory.getLogger("parakeet.cli");
  }

  private final Console console;
  private final Clock clock;

  public Cli(Console console, Clock clock) {
    this.console = console;
    this.clock = clock;
  }

  public static Cli system() {
    return system(Console.system());
  }

  static Cli system(Console console) {
    // Millisecond instants, as the app's own timestamps are.
    return new Cli(console, Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
  }

  /** Runs one command line and returns its exit status. */
  public int run(String... args) {
    try (LogLevels levels = new LogLevels()) {
      ParakeetCommand parakeet = new ParakeetCommand(console, clock, levels);
      // First of all, from the bare words: building the reader is the longest part of a short run's set-up.
      if (ParakeetCommand.readsInputs(ParakeetCommand.commandWord(args))) {
        parakeet.prepareReader();
      }
      List<Class<?>> commands = ParakeetCommand.commandsFor(args);
      CommandLine commandLine = new CommandLine(parakeet);
      // Before the settings below, which apply to the subcommands present when they are set.
      for (Class<?> command : commands) {
        commandLine.addSubcommand(command);
      }
      commandLine.setOut(new PrintWriter(console.out(), true));
      commandLine.setErr(new PrintWriter(console.err(), true));
      commandLine.setParameterExceptionHandler(this::usageError);
      commandLine.setExecutionExceptionHandler(
          (e, cmd, parsed) -> {
            if (e instanceof CommandFailure failure) {
              if (failure.usage()) {
                console.usageError(failure.getMessage(), cmd.getCommandSpec().qualifiedName());
              } else {
                console.message(failure.getMessage());
              }
              return failure.exitCode();
            }
            // A defect: say what it was, keep the stack trace for whoever asks for it.
            console.message(
                cmd.getCommandName() + " failed: " + e
                    + " (PARAKEET_LOG_LEVEL=DEBUG shows the stack trace)");
            Log.CLI.debug("{} failed", cmd.getCommandName(), e);
            return ExitCode.FAILURE;
          });
      return commandLine.execute(args);
    }
  }

  private int usageError(ParameterException e, String[] args) {
    CommandLine where = e.getCommandLine();
    console.usageError(describe(e, where), where.getCommandSpec().qualifiedName());
    return ExitCode.REJECTED;
  }

  /** picocli's finding in our words: the option or argument, what was wrong, never a Java type. */
  private static String describe(ParameterException e, CommandLine where) {
    if (e.getCause() instanceof TypeConversionException conversion) {
      return conversion.getMessage();
    }
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String argument = unmatched.getUnmatched().get(0);
      List<String> suggestions = unmatched.getSuggestions();
      String hint = suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)";
      if (argument.startsWith("-") && argument.length() > 1) {
        return "unknown option '" + argument + "'" + hint;
      }
      if (!where.getSubcommands().isEmpty()) {
        return "unknown command '" + argument + "'" + hint + "; the commands are "
            + String.join(", ", where.getSubcommands().keySet());
      }
      return "unexpected argument '" + argument + "'";
    }
    if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
      return where.getCommandSpec().qualifiedName().replaceFirst("^parakeet ", "") + " needs "
          + missing.getMissing().stream().map(Cli::label).collect(Collectors.joining(" and "));
    }
    String message = e.getMessage() == null ? "invalid command line" : e.getMessage();
    return message.isEmpty() ? message : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }

  private static String label(ArgSpec spec) {
    if (spec instanceof OptionSpec option) {
      return option.longestName() + " " + option.paramLabel();
    }
    return ((PositionalParamSpec) spec).paramLabel();
  }
}

package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.StrategySetting;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The command line, assembled with its console and runtime so it can run in a test as in a shell. */
public final class Cli {

  private static final Logger LOG = LoggerFactory.getLogger("parakeet.cli");

  private final Console console;
  private final Clock clock;

  public Cli(Console console, Clock clock) {
    this.console = console;
    this.clock = clock;
  }

  public static Cli system() {
    // Millisecond instants, as the app's own timestamps are.
    return new Cli(Console.system(), Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
  }

  /** Runs one command line and returns its exit status. */
  public int run(String... args) {
    CommandLine commandLine = new CommandLine(new ParakeetCommand(console, clock));
    commandLine.setOut(new PrintWriter(console.out(), true));
    commandLine.setErr(new PrintWriter(console.err(), true));
    commandLine.registerConverter(StrategySetting.class, Cli::strategySetting);
    commandLine.registerConverter(OutputFormat.class, v -> OutputFormat.valueOf(v.toUpperCase(Locale.ROOT)));
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof CommandFailure failure) {
            console.err().println("parakeet: " + failure.getMessage());
            return failure.exitCode();
          }
          // A defect: say what it was, keep the stack trace for whoever asks for it.
          console.err().println(
              "parakeet: " + cmd.getCommandName() + " failed: " + e
                  + " (PARAKEET_LOG_LEVEL=DEBUG shows the stack trace)");
          LOG.debug("{} failed", cmd.getCommandName(), e);
          return ExitCode.FAILURE;
        });
    return commandLine.execute(args);
  }

  private static StrategySetting strategySetting(String value) {
    for (StrategySetting setting : StrategySetting.values()) {
      if (setting.wire().equals(value)) {
        return setting;
      }
    }
    throw new CommandLine.TypeConversionException(
        "'" + value + "' is not a strategy; expected auto, formula, llm or hybrid");
  }
}

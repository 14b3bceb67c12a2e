package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.StrategySetting;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** The command line, assembled with its console and runtime so it can run in a test as in a shell. */
public final class Cli {

  private final Console console;
  private final ParakeetCommand.RuntimeFactory runtimes;

  public Cli(Console console, ParakeetCommand.RuntimeFactory runtimes) {
    this.console = console;
    this.runtimes = runtimes;
  }

  public static Cli system() {
    // Millisecond instants, as the app's own timestamps are.
    Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    return new Cli(Console.system(), settings -> Runtime.create(clock, settings));
  }

  /** Runs one command line and returns its exit status. */
  public int run(String... args) {
    CommandLine commandLine = new CommandLine(new ParakeetCommand(console, runtimes));
    commandLine.setOut(new PrintWriter(console.out(), true));
    commandLine.setErr(new PrintWriter(console.err(), true));
    commandLine.registerConverter(StrategySetting.class, Cli::strategySetting);
    commandLine.registerConverter(OutputFormat.class, v -> OutputFormat.valueOf(v.toUpperCase(Locale.ROOT)));
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          console.err().println("parakeet: " + cmd.getCommandName() + " failed: " + e);
          org.slf4j.LoggerFactory.getLogger("parakeet.cli").debug("command failed", e);
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

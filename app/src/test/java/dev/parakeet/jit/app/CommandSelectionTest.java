package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line builds only the command it names: nothing a user sees may depend on it, so the
 * help of every command is compared with the one picocli gives when every command is present.
 */
class CommandSelectionTest {

  @Test
  void aCommandLineThatNamesACommandGetsThatCommandOnly() {
    assertThat(ParakeetCommand.commandsFor("generate", "x.json", "--no-store")).containsExactly(GenerateCommand.class);
    assertThat(ParakeetCommand.commandsFor("--verbose", "replay", "-")).containsExactly(ReplayCommand.class);
    assertThat(ParakeetCommand.commandsFor("--verbose", "--verbose", "sessions", "list"))
        .containsExactly(SessionsCommand.class);
    assertThat(ParakeetCommand.commandsFor("comparisons", "--help")).containsExactly(ComparisonsCommand.class);
    assertThat(ParakeetCommand.commandsFor("serve")).containsExactly(ServeCommand.class);
  }

  @Test
  void anyOtherCommandLineGetsEveryCommand() {
    List<Class<?>> all = ParakeetCommand.COMMANDS;
    assertThat(all).hasSize(5);
    for (String[] args : new String[][] {
        {}, {"--help"}, {"-h"}, {"--version"}, {"--verbose"}, {"gen"}, {"Generate"}, {"--", "generate"},
        {"--verbose=true", "generate"}, {"-x", "generate"}, {"x.json", "generate"}}) {
      assertThat(ParakeetCommand.commandsFor(args)).as(String.join(" ", args)).isEqualTo(all);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"generate", "replay", "sessions", "sessions list", "sessions show", "comparisons",
      "comparisons purge", "serve"})
  void everyCommandsHelpIsTheOneItHasAmongAllCommands(String command) {
    String[] args = (command + " --help").split(" ");
    CliHarness.Result result = CliHarness.run(args);

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo(helpWithEveryCommand(args)).contains("Usage: parakeet " + command);
  }

  private static String helpWithEveryCommand(String[] args) {
    CommandLine all =
        new CommandLine(new ParakeetCommand(Console.system(), Clock.systemUTC(), new LogLevels()));
    for (Class<?> command : ParakeetCommand.COMMANDS) {
      all.addSubcommand(command);
    }
    StringWriter out = new StringWriter();
    all.setOut(new PrintWriter(out, true));
    all.execute(args);
    return out.toString();
  }
}

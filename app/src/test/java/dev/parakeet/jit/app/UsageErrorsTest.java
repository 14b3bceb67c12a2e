package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One error style for the whole command line: a usage error is one {@code parakeet: …} line and a
 * pointer to the command's help, exit 2 — never a Java class or enum name, never the whole usage.
 */
class UsageErrorsTest {

  private static final String F = GenerateCommandTest.F;

  @TempDir Path home;

  private CliHarness.Result run(String stdin, String... args) {
    return CliHarness.inHome(home, Map.of(), stdin, args);
  }

  /** Exactly two lines: the message, then where to read more. */
  private static void assertUsageError(CliHarness.Result result, String message, String command) {
    assertThat(result.exit()).as(result.err()).isEqualTo(ExitCode.REJECTED);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines().toList())
        .containsExactly("parakeet: " + message, "see '" + command + " --help'");
  }

  static Stream<Arguments> outOfBounds() {
    return Stream.of(
        Arguments.of(new String[] {"generate", "-", "--timeout-ms", "9223372036854775807"},
            "--timeout-ms must be a whole number from 1 to 600000, was '9223372036854775807'", "parakeet generate"),
        Arguments.of(new String[] {"generate", "-", "--timeout-ms", "0"},
            "--timeout-ms must be a whole number from 1 to 600000, was '0'", "parakeet generate"),
        Arguments.of(new String[] {"generate", "-", "--timeout-ms", "600001"},
            "--timeout-ms must be a whole number from 1 to 600000, was '600001'", "parakeet generate"),
        Arguments.of(new String[] {"replay", "-", "--timeout-ms", "99999999999999999999"},
            "--timeout-ms must be a whole number from 1 to 600000, was '99999999999999999999'", "parakeet replay"),
        Arguments.of(new String[] {"replay", "-", "--parallel", "0"},
            "--parallel must be a whole number from 1 to 256, was '0'", "parakeet replay"),
        Arguments.of(new String[] {"replay", "-", "--parallel", "2147483647"},
            "--parallel must be a whole number from 1 to 256, was '2147483647'", "parakeet replay"),
        Arguments.of(new String[] {"replay", "-", "--parallel", "two"},
            "--parallel must be a whole number from 1 to 256, was 'two'", "parakeet replay"),
        Arguments.of(new String[] {"sessions", "list", "--limit", "0"},
            "--limit must be a whole number from 1 to 10000, was '0'", "parakeet sessions list"),
        Arguments.of(new String[] {"sessions", "list", "--limit", "4294967296"},
            "--limit must be a whole number from 1 to 10000, was '4294967296'", "parakeet sessions list"),
        Arguments.of(new String[] {"comparisons", "purge", "--older-than-days", "-1"},
            "--older-than-days must be a whole number from 0 to 36500, was '-1'", "parakeet comparisons purge"),
        Arguments.of(new String[] {"comparisons", "purge", "--older-than-days", "9999999999"},
            "--older-than-days must be a whole number from 0 to 36500, was '9999999999'", "parakeet comparisons purge"));
  }

  @ParameterizedTest
  @MethodSource("outOfBounds")
  void everyNumericOptionIsBounded(String[] args, String message, String command) {
    assertUsageError(run(F, args), message, command);
  }

  @Test
  void theTimeoutFromTheEnvironmentIsBoundedToo() {
    CliHarness.Result result =
        CliHarness.inHome(home, Map.of("PARAKEET_LLM_TIMEOUT_MS", "9223372036854775807"), F, "generate", "-", "--strategy", "llm");
    assertUsageError(result,
        "invalid configuration: PARAKEET_LLM_TIMEOUT_MS must be a whole number from 1 to 600000, was '9223372036854775807'",
        "parakeet generate");
  }

  @Test
  void theBreakersSettingsFromTheEnvironmentAreBoundedToo() {
    CliHarness.Result result =
        CliHarness.inHome(home, Map.of("PARAKEET_LLM_BREAKER_COOLDOWN_MS", "0"), F, "generate", "-", "--strategy", "auto");
    assertUsageError(result,
        "invalid configuration: PARAKEET_LLM_BREAKER_COOLDOWN_MS must be a whole number from 1 to 86400000, was '0'",
        "parakeet generate");
    result = CliHarness.inHome(home, Map.of("PARAKEET_LLM_BREAKER_FAILURES", "2147483648"), F, "generate", "-");
    assertUsageError(result,
        "invalid configuration: PARAKEET_LLM_BREAKER_FAILURES must be a whole number from 1 to 1000, was '2147483648'",
        "parakeet generate");
  }

  @Test
  void theLargestTimeoutIsAccepted() {
    CliHarness.Result result = run(F, "generate", "-", "--strategy", "llm", "--timeout-ms", "600000", "--no-store");
    assertThat(result.exit()).as(result.err()).isEqualTo(ExitCode.OK);
  }

  @Test
  void anUnknownFormatNamesTheChoicesNotAJavaEnum() {
    assertUsageError(run(F, "generate", "-", "--format", "xml"), "--format must be text or json, was 'xml'", "parakeet generate");
    assertUsageError(run("", "sessions", "show", "x", "--format", "yaml"),
        "--format must be text or json, was 'yaml'", "parakeet sessions show");
  }

  @Test
  void anUnknownStrategyOrProviderNamesTheChoices() {
    assertUsageError(run(F, "generate", "-", "--strategy", "fancy"),
        "--strategy must be auto, formula, llm or hybrid, was 'fancy'", "parakeet generate");
    assertUsageError(run(F, "replay", "-", "--provider", "gemini"),
        "--provider must be anthropic, openai or ollama, was 'gemini'", "parakeet replay");
  }

  @Test
  void optionValuesAreCaseInsensitive() {
    CliHarness.Result json = run(F, "generate", "-", "--strategy", "LLM", "--format", "JSON", "--provider", "Ollama", "--no-store");
    assertThat(json.exit()).as(json.err()).isEqualTo(ExitCode.OK);
    JitOutput output = JitJson.readOutput(json.out());
    assertThat(output.jitStrategy()).as("llm asked for, no server configured").isEqualTo(JitStrategy.FORMULA_FALLBACK);
    assertThat(output.fallbackReason()).contains("OLLAMA_BASE_URL");
    assertThat(run(F, "generate", "-", "--strategy", "Formula", "--format", "Text", "--no-store").out())
        .contains("Strategy: formula (deterministic rules).");
  }

  @Test
  void unknownOptionsCommandsAndMissingArguments() {
    assertUsageError(run(F, "generate", "-", "--fast"), "unknown option '--fast'", "parakeet generate");
    CliHarness.Result command = run("", "frobnicate");
    assertThat(command.err().lines().toList()).hasSize(2);
    assertThat(command.err()).startsWith("parakeet: unknown command 'frobnicate'")
        .contains("the commands are generate, replay, sessions, comparisons")
        .endsWith("see 'parakeet --help'\n");
    assertThat(command.exit()).isEqualTo(ExitCode.REJECTED);
    assertUsageError(run("", "generate"), "generate needs FILE", "parakeet generate");
    assertUsageError(run("", "sessions", "show"), "sessions show needs ID", "parakeet sessions show");
    assertUsageError(run("", "generate", "a.json", "b.json"), "unexpected argument 'b.json'", "parakeet generate");
  }

  @Test
  void commandsWithoutASubcommandAreUsageErrors() {
    assertUsageError(run(""), "a command is required: generate, replay, sessions or comparisons", "parakeet");
    assertUsageError(run("", "sessions"), "sessions needs a subcommand: show ID, or list", "parakeet sessions");
    assertUsageError(run("", "comparisons"), "comparisons needs a subcommand: purge", "parakeet comparisons");
  }

  @Test
  void noUsageErrorShowsJavaNamesOrTheWholeUsage() {
    String[][] mistakes = {
      {"generate", "-", "--format", "xml"},
      {"generate", "-", "--strategy", "fancy"},
      {"generate", "-", "--timeout-ms", "abc"},
      {"generate", "-", "--timeout-ms"},
      {"generate", "-", "--db", "postgres://coach:hunter2@db/parakeet"},
      {"replay", "-", "--parallel", "-3"},
      {"sessions", "list", "--limit", "1.5"},
      {"comparisons", "purge", "--older-than-days", "ninety"},
      {"generate", "-", "--format", "json", "--format", "text"},
    };
    for (String[] args : mistakes) {
      CliHarness.Result result = run(F, args);
      assertThat(result.exit()).as(String.join(" ", args)).isEqualTo(ExitCode.REJECTED);
      assertThat(result.err().lines().toList()).as(result.err()).hasSize(2);
      assertThat(result.err())
          .as(String.join(" ", args))
          .startsWith("parakeet: ")
          .doesNotContain("dev.parakeet", "java.", "Exception", "Usage:", "enum", "hunter2");
    }
  }

  @Test
  void aPlainPathForDbIsASqliteFile(@TempDir Path dir) {
    Path file = dir.resolve("plain.db");
    CliHarness.Result generated = run(F, "generate", "-", "--db", file.toString());
    assertThat(generated.exit()).as(generated.err()).isEqualTo(ExitCode.OK);
    assertThat(file).exists();
    assertThat(run("", "sessions", "list", "--db", file.toString()).out()).contains("sess-001");
    assertThat(run("", "sessions", "list", "--db", "jdbc:sqlite:" + file).out()).contains("sess-001");
  }

  @Test
  void anotherDatabaseKindIsAUsageErrorThatShowsNoPassword() {
    CliHarness.Result result = run(F, "generate", "-", "--db", "jdbc:mysql://h/x?password=hunter2");
    assertUsageError(result,
        "--db must be a file path or a JDBC URL of SQLite or PostgreSQL (jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB), was jdbc:mysql:…",
        "parakeet generate");
    assertThat(result.err()).doesNotContain("hunter2");
  }
}

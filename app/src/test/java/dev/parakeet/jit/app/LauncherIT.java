package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.FakeProviderServer;
import dev.parakeet.jit.fakes.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged command line, run as its own process exactly as {@code ./parakeet} runs it. */
class LauncherIT {

  private static final Path JAR = Path.of(System.getProperty("parakeet.jar", "target/parakeet.jar"));
  private static final Path EXAMPLES = Path.of(System.getProperty("parakeet.examples", "../examples"));

  record Run(int exit, String out, String err) {}

  /** The launched program's home: its default session store must never be the real user's. */
  @TempDir static Path home;

  private static Run run(String stdin, String... args) throws Exception {
    return run(Map.of("HOME", home.toString()), home, stdin, args);
  }

  /**
   * Runs the jar with {@code environment} added to this process's and {@code user.home} set to
   * {@code userHome} (the account's home from the system user database, as the JVM would read it).
   */
  private static Run run(Map<String, String> environment, Path userHome, String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Duser.home=" + userHome);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    File err = File.createTempFile("parakeet-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(err);
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String errText = java.nio.file.Files.readString(err.toPath());
    err.delete();
    assertThat(errText).as("logback configured cleanly").doesNotContain("logback", "XML_PARSING");
    return new Run(process.exitValue(), out, errText);
  }

  /** SPEC §9.2: the default database is under the environment's HOME, not the account's home. */
  @Test
  void theDefaultDatabaseFollowsHomeFromTheEnvironment(@TempDir Path environmentHome, @TempDir Path accountHome)
      throws Exception {
    Run generated =
        run(Map.of("HOME", environmentHome.toString()), accountHome, "", "generate", EXAMPLES.resolve("normal-day.json").toString());
    assertThat(generated.exit()).as(generated.err()).isZero();
    assertThat(environmentHome.resolve(".parakeet").resolve("parakeet.db")).exists();
    assertThat(accountHome.resolve(".parakeet")).doesNotExist();
  }

  @Test
  void aFallbackIsToldOnceUnlessTheLogLevelAsksForMore() throws Exception {
    try (FakeProviderServer anthropic = FakeProviderServer.start(Protocol.ANTHROPIC)) {
      anthropic.whenIdle(Behavior.status(500));
      Map<String, String> env =
          Map.of("HOME", home.toString(), "ANTHROPIC_API_KEY", "sk-test", "ANTHROPIC_BASE_URL", anthropic.baseUrl());
      String input = EXAMPLES.resolve("normal-day.json").toString();
      Run quiet = run(env, home, "", "generate", input, "--strategy", "llm", "--no-store");
      assertThat(quiet.exit()).isZero();
      assertThat(quiet.out()).contains("The language model's server answered with an error");
      assertThat(quiet.err()).as("the card said it").isEmpty();

      Map<String, String> loud = new java.util.HashMap<>(env);
      loud.put("PARAKEET_LOG_LEVEL", "WARN");
      Run logged = run(loud, home, "", "generate", input, "--strategy", "llm", "--no-store");
      assertThat(logged.err()).contains("WARN model: session example-normal").contains("failed, serving the formula");
    }
  }

  @Test
  void generatesASessionCard() throws Exception {
    Run run = run("", "generate", EXAMPLES.resolve("normal-day.json").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("WORKING SETS").contains("Strategy: formula");
  }

  @Test
  void exitsTwoOnARejectedInputAndOneOnAMissingFile() throws Exception {
    Run rejected = run("{\"sessionId\":\"x\"}", "generate", "-");
    assertThat(rejected.exit()).isEqualTo(2);
    assertThat(rejected.err()).contains("primaryLift: is required").contains("oneRmKg: is required");
    assertThat(rejected.out()).isEmpty();

    Run missing = run("", "generate", "missing.json");
    assertThat(missing.exit()).isEqualTo(1);
  }

  @Test
  void recordsInTheDefaultStoreAndShowsItAgain() throws Exception {
    Run generated = run("", "generate", EXAMPLES.resolve("injury.json").toString());
    assertThat(generated.exit()).as(generated.err()).isZero();
    assertThat(home.resolve(".parakeet").resolve("parakeet.db")).exists();
    Run shown = run("", "sessions", "show", "example-injury");
    assertThat(shown.exit()).as(shown.err()).isZero();
    assertThat(shown.out()).contains("Stored session example-injury").contains("HISTORY");
    assertThat(shown.err()).doesNotContain("WARNING");
  }

  @Test
  void replaysABatch() throws Exception {
    Run batch = run("", "replay", EXAMPLES.resolve("replay.ndjson").toString());
    assertThat(batch.exit()).isEqualTo(2);
    assertThat(batch.out().lines().toList()).hasSize(3);
    assertThat(batch.out().lines().toList().get(1)).startsWith("{\"line\":2,\"error\":\"input rejected\"");
    assertThat(batch.err()).contains("replayed 3 inputs: 2 generated, 1 rejected");
  }
}

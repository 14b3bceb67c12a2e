package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command line in-process with captured streams and the fixture clock. */
final class CliHarness {

  record Result(int exit, String out, String err) {}

  private CliHarness() {}

  static Result withInput(String stdin, String... args) {
    return withEnv(Map.of(), stdin, args);
  }

  /**
   * A home directory of its own for this test JVM, so that the default session store
   * ({@code ~/.parakeet/parakeet.db}) is never the real user's.
   */
  static final Path HOME = temporaryHome();

  /** Runs with an environment, as a shell with those variables exported would. */
  static Result withEnv(Map<String, String> env, String stdin, String... args) {
    return inHome(HOME, env, stdin, args);
  }

  /** Runs with {@code home} as the user's home directory. */
  static Result inHome(Path home, Map<String, String> env, String stdin, String... args) {
    return at(Fixtures.CLOCK, home, env, stdin, args);
  }

  /** Runs at the time {@code clock} says. */
  static Result at(Clock clock, Path home, Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console =
        new Console(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            home);
    int exit = new Cli(console, clock).run(args);
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Result run(String... args) {
    return withInput("", args);
  }

  private static Path temporaryHome() {
    try {
      Path home = Files.createTempDirectory("parakeet-home");
      home.toFile().deleteOnExit();
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

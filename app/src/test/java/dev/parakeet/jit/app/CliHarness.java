package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command line in-process with captured streams and the fixture clock. */
final class CliHarness {

  record Result(int exit, String out, String err) {}

  private CliHarness() {}

  static Result withInput(String stdin, String... args) {
    return withEnv(Map.of(), stdin, args);
  }

  /** Runs with an environment, as a shell with those variables exported would. */
  static Result withEnv(Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console =
        new Console(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env);
    int exit = new Cli(console, settings -> Runtime.create(Fixtures.CLOCK, settings)).run(args);
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Result run(String... args) {
    return withInput("", args);
  }
}

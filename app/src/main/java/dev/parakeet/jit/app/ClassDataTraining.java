package dev.parakeet.jit.app;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the launcher ({@code ./parakeet}) runs once per build, under {@code
 * -XX:ArchiveClassesAtExit}, to make the class-data archive later starts map instead of loading
 * and verifying some 4,000 classes from the jar: the common commands, in one process, on the
 * examples and a throw-away SQLite file. Not a command; its output is discarded.
 *
 * <p>Arguments: the examples directory and a scratch directory for the database.
 */
public final class ClassDataTraining {

  private ClassDataTraining() {}

  public static void main(String[] args) {
    Path examples = Path.of(args[0]);
    String db = Path.of(args[1]).resolve("training.db").toString();
    String day = examples.resolve("normal-day.json").toString();
    String batch = examples.resolve("replay.ndjson").toString();
    run("generate", day, "--strategy", "formula", "--db", db);
    run("generate", day, "--strategy", "formula", "--no-store", "--format", "json");
    run("replay", batch, "--strategy", "formula", "--db", db);
    run("replay", batch, "--strategy", "formula", "--no-store");
    run("sessions", "list", "--db", db);
  }

  private static void run(String... args) {
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    Console console =
        new Console(new ByteArrayInputStream(new byte[0]), discard, discard, Map.of(), Path.of(System.getProperty("user.home")));
    new Cli(console, Clock.systemUTC()).run(args);
  }
}

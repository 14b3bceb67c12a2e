package dev.parakeet.jit.app;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the launcher ({@code ./parakeet}) runs once per build and JVM to learn which classes to
 * put in the class-data archive (or AOT cache) later starts map instead of loading and verifying
 * some 4,000 classes from the jar: the common commands, in one process, on the examples and a
 * throw-away SQLite file, and the help. Not a command; its output is discarded.
 *
 * <p>Arguments: the examples directory and a scratch directory, which is also the home directory
 * of these runs (so the SQLite library's copy is made there, not in the user's home).
 */
public final class ClassDataTraining {

  private ClassDataTraining() {}

  public static void main(String[] args) {
    Path examples = Path.of(args[0]);
    Path scratch = Path.of(args[1]);
    String db = scratch.resolve("training.db").toString();
    String day = examples.resolve("normal-day.json").toString();
    String batch = examples.resolve("replay.ndjson").toString();
    // Twice: the first creates and migrates the file, the second is every later run's path (one
    // connection, the current-schema check, the write).
    run(scratch, "generate", day, "--strategy", "formula", "--db", db);
    run(scratch, "generate", day, "--strategy", "formula", "--db", db);
    run(scratch, "generate", day, "--strategy", "formula", "--no-store", "--format", "json");
    run(scratch, "replay", batch, "--strategy", "formula", "--db", db);
    run(scratch, "replay", batch, "--strategy", "formula", "--no-store");
    run(scratch, "sessions", "list", "--db", db);
    run(scratch, "--help");
  }

  private static void run(Path home, String... args) {
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    Console console =
        new Console(new ByteArrayInputStream(new byte[0]), discard, discard, Map.of(), home);
    new Cli(console, Clock.systemUTC()).run(args);
  }
}

package dev.parakeet.jit.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link WriterProcess} started in its own JVM on the test class path.
 *
 * <p>Its standard output and error go to files, not pipes. A pipe loses what the child wrote just
 * before a SIGKILL: when the process ends, the JDK drains the pipe into a buffer and closes it
 * under a reader that may be blocked on it, and that reader then sees "Stream closed" instead of
 * the last lines. A line written to a file is in the file as soon as {@code write} returns, so
 * after the kill the file holds every generation the child acknowledged.
 */
final class ChildJvm {

  private static final long POLL_MS = 10;

  private final Process process;
  private final Path out;
  private final Path err;
  private Instant killedAt;

  private ChildJvm(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  static ChildJvm start(Path logDir, String name, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("--enable-native-access=ALL-UNNAMED"); // sqlite-jdbc's System.load, Java 24+
    command.add("-XX:TieredStopAtLevel=1"); // starts faster; these loops are short
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(WriterProcess.class.getName());
    command.addAll(List.of(args));
    Path out = logDir.resolve(name + ".out");
    Path err = logDir.resolve(name + ".err");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    return new ChildJvm(process, out, err);
  }

  boolean awaitReady(long seconds) throws InterruptedException {
    return await(seconds, line -> line.equals("ready"));
  }

  boolean awaitFirstRecord(long seconds) throws InterruptedException {
    return await(seconds, line -> line.startsWith("recorded "));
  }

  void send(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** SIGKILL: no shutdown hook, no finally block, no close. */
  void kill() throws InterruptedException {
    if (!process.isAlive()) {
      throw new AssertionError("the child ended before it was killed, status "
          + process.exitValue() + "; stderr:\n" + err() + "\nlast lines:\n" + tail());
    }
    killedAt = Instant.now();
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the child did not die within 60 s of SIGKILL");
    }
  }

  int waitForExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("child did not finish in " + seconds + " s; stderr:\n" + err());
    }
    return process.exitValue();
  }

  /** The highest revision the child reported as committed. */
  int lastAcknowledgedRevision() {
    return out().stream()
        .filter(line -> line.matches("recorded \\S+ \\d+"))
        .mapToInt(line -> Integer.parseInt(line.split(" ")[2]))
        .max()
        .orElse(0);
  }

  /** Every complete line the child wrote (a line cut short by SIGKILL is left out). */
  List<String> out() {
    String text = read(out);
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
  }

  String err() {
    return read(err);
  }

  /** The last lines the child wrote, for assertion messages. */
  String tail() {
    List<String> lines = out();
    return lines.size() + " lines, killed at " + killedAt + ":\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }

  private boolean await(long seconds, Predicate<String> line) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (out().stream().anyMatch(line)) {
        return true;
      }
      if (!process.isAlive()) {
        return out().stream().anyMatch(line);
      }
      Thread.sleep(POLL_MS);
    }
    return false;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.parakeet.jit.bench;

import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.wire.JitInputReader;
import dev.parakeet.jit.wire.JitJson;
import dev.parakeet.jit.wire.ParsedInput;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one {@code generate} pays the store, in a fresh JVM as the command line runs: after reading,
 * generating and writing one input and starting the logging (so that the JSON and engine classes
 * are loaded and Logback configured, as they are by the time the CLI stores), the time to open the
 * database, record the session and close it — wall time, and the main thread's CPU time (which
 * other processes on the machine disturb less). Not a
 * JMH benchmark — start-up is the point — so run it as whole processes and take medians (see
 * bench/README.md).
 *
 * <p>Arguments: {@code JDBC_URL INPUT.json}. Prints one line: {@code open=… record=… close=…
 * store=… cpu=…} in milliseconds.
 */
public final class StoreStartupProbe {

  private StoreStartupProbe() {}

  public static void main(String[] args) throws Exception {
    ParsedInput parsed = new JitInputReader().read(Files.readAllBytes(Path.of(args[1])));
    JitOutput output = Scenario.formula().generate(parsed.input());
    String printed = JitJson.write(output);
    GenerationToStore generation = GenerationToStore.of(parsed.snapshotJson(), parsed.input(), output);
    org.slf4j.LoggerFactory.getLogger(StoreStartupProbe.class).debug("logging started");
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    // As generate opens it: one connection, no pool.
    Database db = Database.openOneConnection(args[0], java.time.Clock.systemUTC());
    long opened = System.nanoTime();
    db.sessions().record(generation);
    long recorded = System.nanoTime();
    db.close();
    long closed = System.nanoTime();
    cpu = threads.getCurrentThreadCpuTime() - cpu;
    System.out.printf(java.util.Locale.ROOT,
        "open=%.1f record=%.1f close=%.1f store=%.1f cpu=%.1f (%d bytes out)%n",
        ms(opened - start), ms(recorded - opened), ms(closed - recorded), ms(closed - start),
        ms(cpu), printed.length());
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}

package dev.parakeet.jit.bench;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the benchmarks' PostgreSQL 18 (the zonky artifact, fsync, synchronous commit and full page
 * writes on, see {@link BenchDatabases}) until killed, for a server under load:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.parakeet.jit.bench.PostgresMain
 * </pre>
 *
 * <p>Prints one line, the JDBC URL of an empty database, then waits; SIGTERM stops PostgreSQL and
 * deletes its data directory.
 */
public final class PostgresMain {

  private PostgresMain() {}

  public static void main(String[] args) throws InterruptedException {
    BenchDatabases database = BenchDatabases.start("postgresql");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        database.close();
      } catch (IOException e) {
        System.err.println("could not delete the data directory: " + e.getMessage());
      }
      stopped.countDown();
    }, "postgres-stop"));
    System.out.println(database.url());
    System.out.flush();
    stopped.await();
  }
}

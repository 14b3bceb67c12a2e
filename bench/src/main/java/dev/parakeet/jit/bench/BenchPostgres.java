package dev.parakeet.jit.bench;

import java.io.IOException;

/**
 * The store benchmarks' PostgreSQL ({@link BenchDatabases}: PostgreSQL 18 from the zonky artifact,
 * fsync and synchronous commit on) as a process of its own, for whole-process measurements of the
 * command line ({@code parakeet replay ... --db URL}): prints the JDBC URL of an empty database on
 * its first line, and stops, deleting everything, when its standard input ends.
 */
public final class BenchPostgres {

  private BenchPostgres() {}

  public static void main(String[] args) throws IOException {
    try (BenchDatabases databases = BenchDatabases.start("postgresql")) {
      System.out.println(databases.url());
      System.out.flush();
      while (System.in.read() != -1) {
        // wait for the end of standard input
      }
    }
  }
}

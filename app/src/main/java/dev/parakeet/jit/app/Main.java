package dev.parakeet.jit.app;

import dev.parakeet.jit.store.SqliteNativeLibrary;

/** Entry point of {@code ./parakeet}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Console console = Console.system();
    // Beside the default database: the SQLite driver's library, copied once instead of every start.
    SqliteNativeLibrary.keepCopyIn(console.home().resolve(".parakeet").resolve("native"));
    System.exit(Cli.system(console).run(args));
  }
}

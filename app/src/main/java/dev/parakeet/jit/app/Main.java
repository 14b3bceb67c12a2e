package dev.parakeet.jit.app;

/** Entry point of {@code ./parakeet}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // The SQLite driver's library is set up by the commands that open SQLite (SessionStore).
    System.exit(Cli.system(Console.system()).run(args));
  }
}

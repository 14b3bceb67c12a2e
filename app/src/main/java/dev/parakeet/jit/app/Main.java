package dev.parakeet.jit.app;

/** Entry point of {@code ./parakeet}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.system().run(args));
  }
}

package dev.parakeet.jit.app;

import picocli.CommandLine.Option;

/** {@code --db}: where sessions are stored, shared by every command that touches them. */
final class DatabaseOption {

  @Option(
      names = "--db",
      paramLabel = "FILE|JDBC_URL",
      description =
          "The session store: a SQLite file path, or a JDBC URL such as jdbc:postgresql://host/parakeet"
              + " (default: $PARAKEET_DB_URL, else $HOME/.parakeet/parakeet.db).")
  String url;
}

package dev.parakeet.jit.app;

import picocli.CommandLine.Option;

/** {@code --db}: where sessions are stored, shared by every command that touches them. */
final class DatabaseOption {

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description =
          "The session store: a JDBC URL such as jdbc:postgresql://host/parakeet or"
              + " jdbc:sqlite:/path/file.db (default: $PARAKEET_DB_URL, else ~/.parakeet/parakeet.db).")
  String url;
}

package dev.parakeet.jit.app;

/** How {@code generate} prints a session. */
enum OutputFormat {
  /** A session card for people. */
  TEXT,
  /** Exactly the JitOutput. */
  JSON
}

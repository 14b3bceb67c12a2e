package dev.parakeet.jit.app;

import java.util.Locale;

/** How {@code generate} and {@code sessions show} print a session. */
enum OutputFormat {
  /** A session card for people. */
  TEXT,
  /** Exactly the JitOutput. */
  JSON;

  /** The word on the command line: {@code text}, {@code json}. */
  String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package dev.parakeet.jit.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process's standard streams, environment and home directory, injected so that commands can
 * be tested in-process.
 */
public record Console(
    InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path home) {

  public static Console system() {
    return new Console(
        System.in, System.out, System.err, System.getenv(), Path.of(System.getProperty("user.home")));
  }
}

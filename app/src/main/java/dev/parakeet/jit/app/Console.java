package dev.parakeet.jit.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process's standard streams, environment and home directory, injected so that commands can
 * be tested in-process.
 */
public record Console(
    InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path home) {

  public static Console system() {
    Map<String, String> env = System.getenv();
    return new Console(System.in, System.out, System.err, env, home(env, System.getProperty("user.home")));
  }

  /**
   * The environment's {@code HOME} (SPEC §9.2), as every Unix tool reads it; the account's home
   * from the system user database ({@code user.home}) only when {@code HOME} is unset or empty.
   */
  static Path home(Map<String, String> env, String userHome) {
    String home = env.get("HOME");
    return Path.of(home != null && !home.isBlank() ? home : userHome);
  }

  /**
   * The charset {@code out} encodes text with, so that a stream layered over it (a buffered one,
   * for many lines) writes the same bytes: {@code PrintStream.charset()} where the runtime has it
   * (Java 18 on); on Java 17, what the JDK gave {@code System.out} ({@code sun.stdout.encoding},
   * else the default charset), and the default charset for any other stream.
   */
  static Charset charsetOf(PrintStream out) {
    try {
      return (Charset) PrintStream.class.getMethod("charset").invoke(out);
    } catch (ReflectiveOperationException | RuntimeException olderJava) {
      String encoding = out == System.out ? System.getProperty("sun.stdout.encoding") : null;
      try {
        return encoding != null ? Charset.forName(encoding) : Charset.defaultCharset();
      } catch (IllegalArgumentException unknown) {
        return Charset.defaultCharset();
      }
    }
  }

  /** One message for the person at the terminal: {@code parakeet: …} on standard error, escaped. */
  void message(String text) {
    err.println(TerminalText.escape("parakeet: " + text));
  }

  /** A usage error: the message and where to read about the command. */
  void usageError(String text, String command) {
    message(text);
    err.println(TerminalText.escape("see '" + command + " --help'"));
  }
}

package dev.parakeet.jit.fakes;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Runs one fake provider until killed:
 *
 * <pre>
 * java -jar llm-fakes/target/parakeet-llm-fakes-server.jar --protocol anthropic --port 8089 --mode valid
 * </pre>
 *
 * <p>Prints one line on standard output with the base URL and the environment variables to export;
 * then one line per request on standard error (method, path, body size; never headers).
 */
public final class FakeProviderMain {

  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar parakeet-llm-fakes-server.jar --protocol anthropic|openai|ollama [--port N]"
              + " [--mode MODE]",
          "  --protocol  the wire protocol to speak (required)",
          "  --port      port on 127.0.0.1 (default 0 = any free port)",
          "  --mode      what every chat request gets (default valid):",
          "              valid | out-of-bounds | malformed | prose | refusal | truncated |",
          "              malformed-envelope | status:CODE (e.g. status:429) | never |",
          "              slow:MILLIS (then valid) | drip:MILLIS |",
          "              echo-key (a hostile provider: the request's API key in a rationale line)");

  /** What {@code --mode echo-key} answers: a valid adjustment that quotes the request's key. */
  static final String ECHO_KEY_ADJUSTMENT =
      Behavior.SAMPLE_ADJUSTMENT.replace(
          "\"rationale\":[", "\"rationale\":[\"Your key is " + Behavior.KEY + ".\",");

  /** Parsed command line. */
  record Options(Protocol protocol, int port, String mode, Behavior behavior) {}

  private FakeProviderMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(USAGE);
      return;
    }
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    FakeProviderServer server;
    try {
      server = FakeProviderServer.start(options.protocol(), options.port());
    } catch (UncheckedIOException e) {
      System.err.println("error: " + e.getMessage() + ": " + e.getCause().getMessage());
      System.exit(1);
      return;
    }
    // Runs until killed: each request is logged (taken) and then forgotten.
    server.whenIdle(options.behavior()).keepHistory(false);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "fake-provider-shutdown"));
    System.out.println(banner(options, server));
    System.out.flush();
    logRequests(server, System.err);
  }

  /** Parses {@code --protocol P [--port N] [--mode M]} (also {@code --name=value}). */
  static Options parse(String... args) {
    Protocol protocol = null;
    int port = 0;
    String mode = "valid";
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (!name.equals("--protocol") && !name.equals("--port") && !name.equals("--mode")) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        value = args[++i];
      }
      switch (name) {
        case "--protocol":
          protocol = Protocol.parse(value);
          break;
        case "--port":
          try {
            port = Integer.parseInt(value.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number: '" + value + "'");
          }
          if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port out of range: " + port);
          }
          break;
        default:
          mode = value.trim().toLowerCase(Locale.ROOT);
          break;
      }
    }
    if (protocol == null) {
      throw new IllegalArgumentException("--protocol is required");
    }
    return new Options(protocol, port, mode, mode(mode));
  }

  /** The behavior a {@code --mode} value stands for. */
  static Behavior mode(String mode) {
    String m = mode.trim().toLowerCase(Locale.ROOT);
    switch (m) {
      case "valid":
        return Behavior.answer(Behavior.SAMPLE_ADJUSTMENT);
      case "out-of-bounds":
        return Behavior.outOfBounds();
      case "malformed":
      case "malformed-json":
        return Behavior.malformedJson();
      case "prose":
        return Behavior.prose();
      case "refusal":
        return Behavior.refusal();
      case "truncated":
        return Behavior.truncated();
      case "malformed-envelope":
        return Behavior.malformedEnvelope();
      case "never":
        return Behavior.neverAnswer();
      case "echo-key":
        return Behavior.echoingKey(Behavior.answer(ECHO_KEY_ADJUSTMENT));
      default:
        break;
    }
    int colon = m.indexOf(':');
    if (colon > 0) {
      String kind = m.substring(0, colon);
      String arg = m.substring(colon + 1);
      switch (kind) {
        case "status":
          int code = number(arg, mode);
          if (code < 400 || code > 599) {
            throw new IllegalArgumentException("status must be 400-599: '" + mode + "'");
          }
          return Behavior.status(code);
        case "slow":
          return Behavior.slow(
              Duration.ofMillis(number(arg, mode)), Behavior.answer(Behavior.SAMPLE_ADJUSTMENT));
        case "drip":
          int interval = number(arg, mode);
          if (interval <= 0) {
            throw new IllegalArgumentException("drip interval must be positive: '" + mode + "'");
          }
          return Behavior.drip(Duration.ofMillis(interval));
        default:
          break;
      }
    }
    throw new IllegalArgumentException("unknown mode '" + mode + "'");
  }

  private static int number(String text, String mode) {
    try {
      int n = Integer.parseInt(text.trim());
      if (n < 0) {
        throw new IllegalArgumentException("negative number in mode '" + mode + "'");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number in mode '" + mode + "'");
    }
  }

  /** The one line printed at start: base URL, mode, and what to export. */
  static String banner(Options options, FakeProviderServer server) {
    String base = server.baseUrl();
    String exports;
    switch (server.protocol()) {
      case ANTHROPIC:
        exports = "ANTHROPIC_BASE_URL=" + base + " ANTHROPIC_API_KEY=sk-ant-fake-key";
        break;
      case OPENAI:
        exports = "OPENAI_BASE_URL=" + base + " OPENAI_API_KEY=sk-fake-key";
        break;
      case OLLAMA:
        exports = "OLLAMA_BASE_URL=" + base;
        break;
      default:
        throw new AssertionError(server.protocol());
    }
    return "fake "
        + server.protocol().cliName()
        + " provider at "
        + base
        + " (mode "
        + options.mode()
        + "); use it with: export PARAKEET_LLM_PROVIDER="
        + server.protocol().cliName()
        + " "
        + exports;
  }

  private static void logRequests(FakeProviderServer server, PrintStream err)
      throws InterruptedException {
    while (true) {
      RecordedRequest r = server.takeRequest(Duration.ofHours(1));
      if (r != null) {
        err.println(
            LocalTime.now().truncatedTo(ChronoUnit.MILLIS)
                + " "
                + r.method()
                + " "
                + r.pathWithoutQuery()
                + " ("
                + r.body().length()
                + " chars)");
      }
    }
  }
}

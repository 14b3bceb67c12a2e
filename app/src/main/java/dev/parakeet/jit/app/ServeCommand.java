package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.store.Database;
import java.time.Clock;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parakeet serve}: the HTTP API (SPEC §10). The server lives in the {@code server} module,
 * which depends on this one; it is found at run time through {@link ServiceLoader}, so the command
 * line does not depend on the server and the launcher jar (built by {@code server}) has both.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = {
      "Serves the HTTP API (JSON over HTTP) until SIGTERM or Ctrl-C.",
      "Prints the address it listens on; the default strategy applies when a request and the"
          + " lifter's setting name none."
    })
public final class ServeCommand implements Callable<Integer> {

  @ParentCommand ParakeetCommand parent;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "The address to listen on (default: $PARAKEET_HTTP_HOST, else 127.0.0.1).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "The port (default: $PARAKEET_HTTP_PORT, else 8080; 0 picks a free one).")
  Integer port;

  @Mixin StrategyOptions strategy;

  @Mixin DatabaseOption db;

  @Override
  public Integer call() {
    Server server =
        ServiceLoader.load(Server.class)
            .findFirst()
            .orElseThrow(
                () ->
                    new CommandFailure(
                        ExitCode.FAILURE,
                        "this build has no HTTP server; run ./parakeet (it builds the server module)",
                        null));
    if (opensSqlite()) {
      SessionStore.keepSqliteLibrary(parent.console);
    }
    return server.serve(
        new Options(host, port, db.url, strategy.strategy, strategy.llmOverrides()),
        parent.console,
        parent.clock);
  }

  private boolean opensSqlite() {
    try {
      String url = Database.resolveUrl(db.url, parent.console.env(), parent.console.home());
      return Database.inMemory(url) || Database.sqliteFile(url).isPresent();
    } catch (RuntimeException e) {
      return false; // the server says what is wrong with the URL
    }
  }

  /** What {@code serve} was asked for; null means "not given on the command line". */
  public record Options(
      String host,
      Integer port,
      String dbUrl,
      StrategySetting defaultStrategy,
      LlmSettings.Overrides llm) {}

  /** The HTTP server: runs until it is told to stop and returns the exit status. */
  public interface Server {
    int serve(Options options, Console console, Clock clock);
  }
}

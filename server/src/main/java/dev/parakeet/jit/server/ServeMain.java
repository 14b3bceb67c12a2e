package dev.parakeet.jit.server;

import dev.parakeet.jit.app.Console;
import dev.parakeet.jit.app.ServeCommand;
import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.StoreException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code parakeet serve} (SPEC §10.1): reads the configuration, opens and migrates the database,
 * starts the server, prints its address, and on SIGTERM (or Ctrl-C) stops accepting, lets the
 * requests in flight finish, closes the database and returns 0. Found by the command line through
 * {@link java.util.ServiceLoader}.
 */
public final class ServeMain implements ServeCommand.Server {

  private static final Logger LOG = LoggerFactory.getLogger("parakeet.server");

  @Override
  public int serve(ServeCommand.Options options, Console console, Clock clock) {
    ServerSettings settings;
    AuthSettings auth;
    LlmSettings llm;
    try {
      settings = ServerSettings.from(console.env(), options.host(), options.port(), options.defaultStrategy());
      auth = AuthSettings.from(console.env());
      llm = LlmSettings.from(console.env(), options.llm());
    } catch (IllegalArgumentException e) {
      console.err().println("parakeet: invalid configuration: " + e.getMessage());
      return 2;
    }
    String url = Database.resolveUrl(options.dbUrl(), console.env(), console.home());
    Database database;
    try {
      database = Database.open(url, clock);
    } catch (StoreException e) {
      console.err().println("parakeet: cannot open the session store: " + e.getMessage());
      return 1;
    }
    String where = database.describe();
    ParakeetServer server;
    try {
      server = ParakeetServer.start(settings, auth, llm, database, clock, console.out());
    } catch (IllegalStateException e) {
      console.err().println("parakeet: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      console.err().println("parakeet: the server could not start: " + e.getMessage());
      LOG.debug("start-up failure", e);
      return 1;
    }
    CountDownLatch stop = new CountDownLatch(1);
    Signals.onTermination(stop::countDown);
    if (server.open()) {
      console.err().println(
          "parakeet: WARNING: no credentials configured; serving OPEN (development mode, loopback only)");
    }
    console.err().println(
        "parakeet: listening on " + server.address() + " (sessions in " + where + "; model "
            + (llm.configured() ? llm.describe() : "none configured") + ", default strategy "
            + settings.defaultStrategy().wire() + ")");
    console.err().flush();
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    console.err().println("parakeet: stopping: finishing the requests in flight");
    server.stop();
    console.err().println("parakeet: stopped");
    return 0;
  }
}

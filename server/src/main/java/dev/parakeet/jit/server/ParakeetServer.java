package dev.parakeet.jit.server;

import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.wire.JitInputReader;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API (SPEC §10) on Javalin 7 / Jetty 12: routes, who may call them, limits, problems,
 * metrics and the access log. {@link #start} binds and serves; {@link #stop} stops accepting,
 * lets the requests in flight finish, then closes the database.
 */
public final class ParakeetServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("parakeet.server");

  /** Connections the kernel may hold for us before we accept them. */
  static final int ACCEPT_QUEUE = 4096;

  private final Javalin javalin;
  private final Composition composition;
  private final ScheduledExecutorService timer;
  private final ExecutorService workers;
  private final Stores stores;
  private final String host;
  private final boolean open;

  private ParakeetServer(
      Javalin javalin,
      Composition composition,
      ScheduledExecutorService timer,
      ExecutorService workers,
      Stores stores,
      String host,
      boolean open) {
    this.javalin = javalin;
    this.composition = composition;
    this.timer = timer;
    this.workers = workers;
    this.stores = stores;
    this.host = host;
    this.open = open;
  }

  /**
   * Starts serving. Takes ownership of {@code database}: it is closed when the server stops (or
   * here, if the server cannot start).
   *
   * @throws IllegalStateException when asked to run open on an address other than loopback
   */
  public static ParakeetServer start(
      ServerSettings settings, AuthSettings auth, LlmSettings llm, Database database, Clock clock, PrintStream accessOut) {
    if (auth.open() && !isLoopback(settings.host())) {
      database.close();
      throw new IllegalStateException(
          "refusing to listen on " + settings.host() + " with no credentials configured: set"
              + " PARAKEET_JWT_SECRET, PARAKEET_JWT_JWKS_URL or PARAKEET_SERVICE_KEY_HASHES, or listen on"
              + " a loopback address (127.0.0.1)");
    }
    ServerMetrics metrics = new ServerMetrics();
    ModelAdmission admission =
        new ModelAdmission(
            settings.maxModelCallsInFlight(), new LifterBudget(settings.modelCallsPerLifterPerHour(), clock), metrics);
    Composition composition = Composition.create(clock, llm, database, admission);
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "parakeet-timer");
              thread.setDaemon(true);
              return thread;
            });
    // Every request body arms a deadline and cancels it when read: take cancelled ones out of the
    // queue at once, or thousands a second pile up there until their time comes.
    timer.setRemoveOnCancelPolicy(true);
    ExecutorService workers = Threads.perTask("parakeet-replay");
    Stores stores = null;
    try {
      stores = new Stores(database, metrics, settings.retryAfter().toSeconds());
      Authenticator authenticator = new Authenticator(auth);
      JitInputReader reader = new JitInputReader();
      RequestBodies bodies = new RequestBodies(settings.bodyTimeout(), timer);
      StrategyRoute strategies = new StrategyRoute(composition.registry(), llm, settings.defaultStrategy());
      metrics.gauge(
          "parakeet_model_available",
          "1 while auto asks the model (a provider is configured and its circuit breaker is closed or"
              + " probing), 0 while the breaker is open or no provider is configured",
          strategies,
          s -> s.autoUsesModel() ? 1 : 0);
      Routes routes =
          new Routes(
              new GenerateRoute(
                  reader, composition.registry(), composition::storable, bodies, stores, metrics,
                  settings.defaultStrategy()),
              new SessionRoutes(stores),
              strategies,
              new ReplayRoute(
                  reader, composition.registry(), composition::storable, stores, metrics,
                  settings.defaultStrategy(), workers),
              new ComparisonRoutes(stores, clock),
              new LifterSettingsRoute(stores, bodies, settings.defaultStrategy()),
              new HealthRoutes(stores),
              metrics,
              openApiDocument());
      AccessLog accessLog = new AccessLog(accessOut);
      Duration grace = llm.deadline().plus(settings.bodyTimeout()).plusSeconds(5);
      Javalin javalin =
          Javalin.create(config -> configure(config, settings, grace, authenticator, routes, metrics, accessLog));
      javalin.start();
      ParakeetServer server =
          new ParakeetServer(javalin, composition, timer, workers, stores, settings.host(), auth.open());
      Stores purging = stores;
      timer.scheduleAtFixedRate(
          () -> server.purge(purging, clock, settings.comparisonRetention()), 1, 24 * 60, TimeUnit.MINUTES);
      return server;
    } catch (RuntimeException | Error e) {
      timer.shutdownNow();
      workers.shutdownNow();
      if (stores != null) {
        stores.close();
      }
      composition.close();
      throw e;
    }
  }

  /** The port it listens on (the chosen one when started with port 0). */
  public int port() {
    return javalin.port();
  }

  /** {@code http://127.0.0.1:8080}. */
  public String address() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + shown + ":" + port();
  }

  /** Running without credentials (loopback only). */
  public boolean open() {
    return open;
  }

  /**
   * Stops accepting, finishes the requests in flight (each bounded by the model deadline), then
   * closes the model client and the database. Idempotent.
   */
  public synchronized void stop() {
    if (timer.isShutdown()) {
      return;
    }
    timer.shutdownNow();
    try {
      javalin.stop();
    } finally {
      workers.shutdownNow();
      try {
        stores.close(); // what the last requests queued is committed before the database closes
      } finally {
        composition.close();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void purge(Stores stores, Clock clock, Duration retention) {
    try {
      int purged = stores.purgeComparisons(clock.instant().minus(retention));
      LOG.info("daily purge: {} comparison logs older than {} days removed", purged, retention.toDays());
    } catch (RuntimeException e) {
      LOG.warn("daily purge of comparison logs failed: {}", e.toString());
    }
  }

  private static void configure(
      JavalinConfig config,
      ServerSettings settings,
      Duration grace,
      Authenticator authenticator,
      Routes routes,
      ServerMetrics metrics,
      AccessLog accessLog) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.concurrency.useVirtualThreads = true;
    if (!Threads.virtualThreadsAvailable()) {
      // Platform threads: a request waiting on the model holds one. Javalin's default pool (250)
      // would queue requests the model's limit admits; keep its 250 for the rest on top.
      QueuedThreadPool pool = new QueuedThreadPool(settings.maxModelCallsInFlight() + 250, 8, 60_000);
      pool.setName("JettyServerThreadPool");
      config.jetty.threadPool = pool;
    }
    config.http.maxRequestSize = RequestBodies.MAX_BYTES;
    config.http.prefer405over404 = true;
    // Replay streams its lines; compression would hold them back. A gateway may compress.
    config.http.compressionStrategy = CompressionStrategy.NONE;
    config.jetty.modifyHttpConfiguration(http -> {
      http.setSendServerVersion(false);
      http.setSendDateHeader(true);
    });
    config.jetty.addConnector((server, http) -> {
      ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
      connector.setHost(settings.host());
      connector.setPort(settings.port());
      connector.setIdleTimeout(settings.idleTimeout().toMillis());
      // Jetty's default (0) leaves the JDK's backlog of 50: a burst of new connections overflows
      // it, the kernel drops their SYNs and each client waits a 1 s retransmit. The kernel caps
      // this at net.core.somaxconn.
      connector.setAcceptQueueSize(ACCEPT_QUEUE);
      return connector;
    });
    config.jetty.modifyServer(server -> {
      // Graceful stop: connectors close first, requests in flight finish (up to the grace period).
      server.insertHandler(new GracefulHandler());
      server.setStopTimeout(grace.toMillis());
    });
    config.requestLogger.http((ctx, millis) -> {
      String route = route(ctx);
      metrics.request(ctx.method().name(), route, ctx.statusCode(), Duration.ofNanos((long) (millis * 1_000_000)));
      accessLog.write(
          new AccessLog.Entry(
              Instant.now(), ctx.method().name(), route, ctx.path(), ctx.statusCode(), millis,
              Api.principal(ctx).kind(), ctx.req().getRemoteAddr()));
    });
    config.routes.beforeMatched(ctx -> authorise(ctx, authenticator));
    config.routes.exception(ApiProblem.class, (e, ctx) -> Problems.send(ctx, e));
    config.routes.exception(HttpResponseException.class, (e, ctx) -> Problems.send(ctx, fromJavalin(e, ctx)));
    config.routes.exception(UncheckedIOException.class, (e, ctx) -> {
      LOG.info("{} {}: request body not read: {}", ctx.method(), ctx.path(), e.getCause().toString());
      Problems.send(ctx, new ApiProblem(400, "body-unreadable", "Bad request", "the request body could not be read"));
    });
    config.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      Problems.send(ctx, Problems.internal());
    });
    routes.register(config);
  }

  /** Authentication, then the route's rule: 401 without a valid credential, 403 without the right. */
  private static void authorise(Context ctx, Authenticator authenticator) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.contains(Access.ANYONE)) {
      return;
    }
    Principal principal = authenticator.authenticate(ctx.header("Authorization"));
    Api.principal(ctx, principal);
    if (roles.contains(Access.SERVICE) && !principal.isService()) {
      throw Problems.forbidden("this route is for services only");
    }
  }

  private static ApiProblem fromJavalin(HttpResponseException e, Context ctx) {
    return switch (e.getStatus()) {
      case 404 -> Problems.notFound("no route " + ctx.method().name() + " " + Strings.quote(ctx.path()));
      case 405 -> Problems.methodNotAllowed("the route does not accept " + ctx.method().name());
      case 413 -> Problems.tooLarge(RequestBodies.MAX_BYTES);
      default -> new ApiProblem(e.getStatus(), "http-" + e.getStatus(), "HTTP " + e.getStatus(), "the request could not be served");
    };
  }

  private static String route(Context ctx) {
    try {
      return ctx.endpoints().matchedHttpEndpoint().path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  private static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static byte[] openApiDocument() {
    try (InputStream in = ParakeetServer.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.parakeet.jit.server;

import io.javalin.config.JavalinConfig;

/** The route table of SPEC §10.3: path, method, handler and who may call it. */
final class Routes {

  private final GenerateRoute generate;
  private final SessionRoutes sessions;
  private final StrategyRoute strategies;
  private final ReplayRoute replay;
  private final ComparisonRoutes comparisons;
  private final LifterSettingsRoute settings;
  private final HealthRoutes health;
  private final ServerMetrics metrics;
  private final byte[] openApi;

  Routes(
      GenerateRoute generate,
      SessionRoutes sessions,
      StrategyRoute strategies,
      ReplayRoute replay,
      ComparisonRoutes comparisons,
      LifterSettingsRoute settings,
      HealthRoutes health,
      ServerMetrics metrics,
      byte[] openApi) {
    this.generate = generate;
    this.sessions = sessions;
    this.strategies = strategies;
    this.replay = replay;
    this.comparisons = comparisons;
    this.settings = settings;
    this.health = health;
    this.metrics = metrics;
    this.openApi = openApi.clone();
  }

  void register(JavalinConfig config) {
    var r = config.routes;
    r.post("/v1/sessions/{sessionId}/generate", generate::handle, Access.LIFTER_OR_SERVICE);
    r.get("/v1/sessions/{sessionId}", sessions::session, Access.LIFTER_OR_SERVICE);
    r.get("/v1/sessions/{sessionId}/generations", sessions::generations, Access.LIFTER_OR_SERVICE);
    r.get("/v1/sessions", sessions::list, Access.LIFTER_OR_SERVICE);
    r.get("/v1/lifters/{lifterId}/settings", settings::get, Access.LIFTER_OR_SERVICE);
    r.put("/v1/lifters/{lifterId}/settings", settings::put, Access.LIFTER_OR_SERVICE);
    r.get("/v1/strategies", strategies::handle, Access.LIFTER_OR_SERVICE);
    r.post("/v1/replay", replay::handle, Access.SERVICE);
    r.get("/v1/comparisons", comparisons::list, Access.SERVICE);
    r.get("/v1/comparisons/summary", comparisons::summary, Access.SERVICE);
    r.delete("/v1/comparisons", comparisons::purge, Access.SERVICE);
    r.get("/healthz", health::live, Access.ANYONE);
    r.get("/readyz", health::ready, Access.ANYONE);
    r.get("/metrics", ctx -> ctx.contentType(ServerMetrics.CONTENT_TYPE).result(metrics.scrape()), Access.SERVICE);
    r.get("/openapi.json", ctx -> ctx.contentType(Api.JSON).result(openApi), Access.ANYONE);
  }
}

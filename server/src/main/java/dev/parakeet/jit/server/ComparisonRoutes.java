package dev.parakeet.jit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.wire.JitJson;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /v1/comparisons}, {@code GET /v1/comparisons/summary} and {@code DELETE
 * /v1/comparisons} (SPEC §10.3): service only.
 */
final class ComparisonRoutes {

  static final int DEFAULT_RETENTION_DAYS = 90;

  private final Stores stores;
  private final Clock clock;

  ComparisonRoutes(Stores stores, Clock clock) {
    this.stores = stores;
    this.clock = clock;
  }

  /** Newest first, by the store's keyset cursor; {@code surfaced} and {@code since} filter. */
  void list(Context ctx) {
    Boolean surfaced = Api.bool(ctx, "surfaced");
    Instant since = Api.instant(ctx, "since");
    int limit = Api.integer(ctx, "limit", SessionRoutes.DEFAULT_LIMIT, 1, SessionRoutes.MAX_LIMIT);
    String cursor = ctx.queryParam("cursor");
    Api.json(ctx, 200, SessionViews.page(stores.comparisons(surfaced, since, limit, cursor), SessionViews::comparison));
  }

  /** The logs created at or after {@code since} (all when absent), in aggregate. */
  void summary(Context ctx) {
    Instant since = Api.instant(ctx, "since");
    Api.json(ctx, 200, SessionViews.comparisonSummary(stores.comparisonSummary(since)));
  }

  void purge(Context ctx) {
    int days = Api.integer(ctx, "olderThanDays", DEFAULT_RETENTION_DAYS, 0, 36_500);
    Instant cutoff = clock.instant().minus(Duration.ofDays(days));
    int purged = stores.purgeComparisons(cutoff);
    ObjectNode json = JitJson.mapper().createObjectNode();
    json.put("purged", purged);
    json.put("olderThanDays", days);
    json.put("cutoff", cutoff.toString());
    Api.json(ctx, 200, json);
  }
}

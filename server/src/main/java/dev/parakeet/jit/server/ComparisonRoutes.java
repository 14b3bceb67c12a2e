package dev.parakeet.jit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.strategy.hybrid.DivergenceCalculator;
import dev.parakeet.jit.store.StoredComparison;
import dev.parakeet.jit.wire.JitJson;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/** {@code GET /v1/comparisons} and {@code DELETE /v1/comparisons} (SPEC §10.3): service only. */
final class ComparisonRoutes {

  /** created_at newest first, then id, newest first: the store's order of {@code recent}. */
  private static final Comparator<Cursor> ORDER =
      Comparator.comparing(Cursor::at, Comparator.reverseOrder())
          .thenComparing(c -> Long.parseLong(c.key()), Comparator.reverseOrder());

  private final Stores stores;
  private final Clock clock;

  ComparisonRoutes(Stores stores, Clock clock) {
    this.stores = stores;
    this.clock = clock;
  }

  void list(Context ctx) {
    Boolean surfaced = Api.bool(ctx, "surfaced");
    Instant since = Api.instant(ctx, "since");
    int limit = Api.integer(ctx, "limit", SessionRoutes.DEFAULT_LIMIT, 1, SessionRoutes.MAX_LIMIT);
    Cursor after = Cursor.decode(ctx.queryParam("cursor"));
    if (after != null && !after.key().matches("\\d{1,18}")) {
      throw Problems.invalidParameter("cursor", "is not a cursor this server issued");
    }
    KeysetPage<StoredComparison> page =
        KeysetPage.of(
            stores::recentComparisons,
            c -> new Cursor(c.createdAt(), Long.toString(c.id())),
            ORDER,
            c -> (since == null || !c.createdAt().isBefore(since))
                && (surfaced == null || surfaced == surfaced(c)),
            after,
            limit);
    ArrayNode items = JitJson.mapper().createArrayNode();
    page.items().forEach(c -> items.add(SessionViews.comparison(c, surfaced(c))));
    Api.json(ctx, 200, SessionViews.page(items, page.next()));
  }

  void purge(Context ctx) {
    int days = Api.integer(ctx, "olderThanDays", 90, 0, 36_500);
    Instant cutoff = clock.instant().minus(Duration.ofDays(days));
    int purged = stores.purgeComparisons(cutoff);
    ObjectNode json = JitJson.mapper().createObjectNode();
    json.put("purged", purged);
    json.put("olderThanDays", days);
    json.put("cutoff", cutoff.toString());
    Api.json(ctx, 200, json);
  }

  /** SPEC §6's rule, from the stored divergence; a failed model call surfaced nothing. */
  private static boolean surfaced(StoredComparison c) {
    if (c.divergenceJson() == null) {
      return false;
    }
    Divergence divergence = JitJson.mapper().convertValue(JitJson.readTree(c.divergenceJson()), Divergence.class);
    return DivergenceCalculator.shouldSurface(divergence);
  }
}

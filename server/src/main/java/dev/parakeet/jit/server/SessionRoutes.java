package dev.parakeet.jit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parakeet.jit.store.SessionSummary;
import dev.parakeet.jit.store.StoredSession;
import dev.parakeet.jit.wire.JitJson;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** {@code GET /v1/sessions/{id}}, {@code …/generations} and {@code GET /v1/sessions} (SPEC §10.3). */
final class SessionRoutes {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  /** updated_at newest first, then session id: the store's order of {@code list}. */
  private static final Comparator<Cursor> ORDER =
      Comparator.comparing(Cursor::at, Comparator.reverseOrder()).thenComparing(Cursor::key);

  private final Stores stores;

  SessionRoutes(Stores stores) {
    this.stores = stores;
  }

  void session(Context ctx) {
    Api.json(ctx, 200, SessionViews.session(visible(ctx)));
  }

  void generations(Context ctx) {
    Api.json(ctx, 200, SessionViews.generations(visible(ctx)));
  }

  void list(Context ctx) {
    Principal who = Api.principal(ctx);
    String lifterId = ctx.queryParam("lifterId");
    if (who instanceof Principal.Lifter lifter) {
      if (lifterId != null && !lifterId.equals(lifter.id())) {
        throw Problems.forbidden("a lifter may list only its own sessions");
      }
      lifterId = lifter.id();
    }
    int limit = Api.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    Cursor after = Cursor.decode(ctx.queryParam("cursor"));
    String owner = lifterId;
    KeysetPage<SessionSummary> page =
        KeysetPage.of(
            n -> stores.listSessions(n),
            s -> new Cursor(s.updatedAt(), s.sessionId()),
            ORDER,
            s -> owner == null || owner.equals(s.lifterId()),
            after,
            limit);
    ArrayNode items = JitJson.mapper().createArrayNode();
    page.items().forEach(s -> items.add(SessionViews.summary(s)));
    Api.json(ctx, 200, SessionViews.page(items, page.next()));
  }

  /**
   * The session, if the caller may see it. A lifter gets the same 403 for another lifter's
   * session and for one that does not exist, so the answer never says which.
   */
  private StoredSession visible(Context ctx) {
    String sessionId = ctx.pathParam("sessionId");
    Optional<StoredSession> found = stores.findSession(sessionId);
    Principal who = Api.principal(ctx);
    if (who instanceof Principal.Lifter lifter) {
      if (found.isEmpty() || !Objects.equals(found.get().lifterId(), lifter.id())) {
        throw Problems.notYourSession();
      }
      return found.get();
    }
    return found.orElseThrow(() -> Problems.notFound("no stored session " + Strings.quote(sessionId)));
  }
}

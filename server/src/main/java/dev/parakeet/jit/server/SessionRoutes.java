package dev.parakeet.jit.server;

import dev.parakeet.jit.store.StoredSession;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/** {@code GET /v1/sessions/{id}}, {@code …/generations} and {@code GET /v1/sessions} (SPEC §10.3). */
final class SessionRoutes {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final Stores stores;

  SessionRoutes(Stores stores) {
    this.stores = stores;
  }

  void session(Context ctx) {
    Api.json(ctx, 200, SessionViews.session(visible(ctx)));
  }

  /** The history, oldest first, each generation with its model decision record (SPEC §8). */
  void generations(Context ctx) {
    StoredSession session = visible(ctx);
    Api.json(ctx, 200, SessionViews.generations(session, stores.decisions(session.sessionId())));
  }

  /** Newest first, by the store's keyset cursor; a lifter sees only its own. */
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
    String cursor = ctx.queryParam("cursor");
    Api.json(ctx, 200, SessionViews.page(stores.sessions(lifterId, limit, cursor), SessionViews::summary));
  }

  /**
   * The session, if the caller may see it. A lifter gets the same 403 for another lifter's
   * session and for one that does not exist, so the answer never says which.
   */
  private StoredSession visible(Context ctx) {
    String sessionId = ctx.pathParam("sessionId");
    boolean lifter = Api.principal(ctx) instanceof Principal.Lifter;
    if (lifter && !owns(Api.principal(ctx), sessionId)) {
      // The cheap lookup first: another lifter's session is never read at all.
      throw Problems.notYourSession();
    }
    Optional<StoredSession> found = stores.findSession(sessionId);
    return found.orElseThrow(
        () -> lifter ? Problems.notYourSession() : Problems.notFound("no stored session " + Strings.quote(sessionId)));
  }

  private boolean owns(Principal who, String sessionId) {
    String lifterId = ((Principal.Lifter) who).id();
    return stores.owner(sessionId).map(o -> Objects.equals(o.lifterId(), lifterId)).orElse(false);
  }
}

package dev.parakeet.jit.server;

import dev.parakeet.jit.wire.JitJson;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /healthz} (the process answers) and {@code /readyz} (and its database does). */
final class HealthRoutes {

  private final Stores stores;

  HealthRoutes(Stores stores) {
    this.stores = stores;
  }

  void live(Context ctx) {
    Api.json(ctx, 200, Map.of("status", "ok"));
  }

  /** Ready while the database answers and its schema is the one this build ships. */
  void ready(Context ctx) {
    if (!stores.ready()) {
      throw Problems.storeUnavailable(
          "the session store is not reachable or its schema is not this version's", stores.retryAfterSeconds());
    }
    ctx.status(200).contentType(Api.JSON).result(JitJson.write(Map.of("status", "ready")));
  }
}

package dev.parakeet.jit.server;

import io.javalin.security.RouteRole;

/** Who may call a route (SPEC §10.2, §10.3). */
enum Access implements RouteRole {
  /** Health, readiness, the OpenAPI document: no credentials. */
  ANYONE,
  /** A lifter (its own data only) or a service. */
  LIFTER_OR_SERVICE,
  /** A service key only. */
  SERVICE
}

package dev.parakeet.jit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.validation.Violation;
import dev.parakeet.jit.wire.JitJson;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Every problem the API answers, in one place, and how it is written: {@code
 * application/problem+json} with {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance} (the request path) and the problem's extension members.
 */
final class Problems {

  static final String CONTENT_TYPE = "application/problem+json";
  static final String TYPE_PREFIX = "urn:parakeet:problem:";

  private Problems() {}

  /** 400: the input was rejected; {@code violations} lists every one by path. */
  static ApiProblem invalid(String what, List<Violation> violations) {
    return new ApiProblem(
            400,
            "invalid-input",
            "Invalid input",
            what + " rejected (" + violations.size()
                + (violations.size() == 1 ? " violation" : " violations")
                + "); nothing was generated or stored")
        .with("violations", violations);
  }

  /** 400 for one query parameter or path value. */
  static ApiProblem invalidParameter(String name, String message) {
    return invalid("request", List.of(new Violation(name, message)));
  }

  static ApiProblem unauthenticated(String detail) {
    return new ApiProblem(401, "unauthenticated", "Unauthenticated", detail)
        .withHeader("WWW-Authenticate", "Bearer realm=\"parakeet\"");
  }

  static ApiProblem forbidden(String detail) {
    return new ApiProblem(403, "forbidden", "Forbidden", detail);
  }

  /**
   * 403 for a session a lifter may not see. The same words whether the session belongs to
   * someone else or does not exist at all, so the answer never tells which.
   */
  static ApiProblem notYourSession() {
    return forbidden("this session is not one of yours");
  }

  /** 409 (services only; a lifter gets {@link #notYourSession}): a session's lifter never changes. */
  static ApiProblem ownerConflict() {
    return new ApiProblem(
        409,
        "owner-conflict",
        "Conflict",
        "the session belongs to another lifter and a session's lifter never changes; nothing was stored");
  }

  static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "not-found", "Not found", detail);
  }

  static ApiProblem methodNotAllowed(String detail) {
    return new ApiProblem(405, "method-not-allowed", "Method not allowed", detail);
  }

  /** 413: the body is over the limit; the connection is closed rather than read to its end. */
  static ApiProblem tooLarge(long limit) {
    return new ApiProblem(
            413,
            "too-large",
            "Payload too large",
            "the request body is over the limit of 1 MiB (" + limit + " bytes)")
        .withHeader("Connection", "close");
  }

  static ApiProblem unsupportedMediaType(String got, String expected) {
    return new ApiProblem(
        415,
        "unsupported-media-type",
        "Unsupported media type",
        "the body must be " + expected + ", was " + (got == null ? "no Content-Type" : Strings.quote(got)));
  }

  /** 503: the database failed; the generated session rides along so the app can still show it. */
  static ApiProblem storeUnavailable(String detail, long retryAfterSeconds) {
    return new ApiProblem(503, "store-unavailable", "Session store unavailable", detail)
        .withHeader("Retry-After", Long.toString(retryAfterSeconds));
  }

  static ApiProblem internal() {
    return new ApiProblem(
        500, "internal", "Internal server error", "the server failed; the log says why");
  }

  /** Writes {@code problem} as the response. */
  static void send(Context ctx, ApiProblem problem) {
    ObjectNode body = JitJson.mapper().createObjectNode();
    body.put("type", TYPE_PREFIX + problem.type());
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.put("instance", ctx.path());
    for (Map.Entry<String, Object> member : problem.extensions().entrySet()) {
      body.set(member.getKey(), JitJson.mapper().valueToTree(member.getValue()));
    }
    problem.headers().forEach(ctx::header);
    ctx.status(problem.status()).contentType(CONTENT_TYPE).result(JitJson.write(body));
  }
}

package dev.parakeet.jit.server;

import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.wire.JitJson;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** What every handler needs from a request and for its answer. */
final class Api {

  static final String JSON = "application/json";
  static final String NDJSON = "application/x-ndjson";
  private static final String PRINCIPAL = "parakeet.principal";

  private Api() {}

  static void principal(Context ctx, Principal principal) {
    ctx.attribute(PRINCIPAL, principal);
  }

  /** Who is asking; {@link Principal.Anonymous} on routes open to anyone. */
  static Principal principal(Context ctx) {
    Principal principal = ctx.attribute(PRINCIPAL);
    return principal == null ? new Principal.Anonymous() : principal;
  }

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType(JSON).result(JitJson.write(body));
  }

  /** The {@code strategy} query parameter, or null when absent. */
  static StrategySetting strategy(Context ctx) {
    String value = ctx.queryParam("strategy");
    if (value == null) {
      return null;
    }
    for (StrategySetting setting : StrategySetting.values()) {
      if (setting.wire().equals(value)) {
        return setting;
      }
    }
    throw Problems.invalidParameter(
        "strategy", "must be one of auto, formula, llm, hybrid, was " + Strings.quote(value));
  }

  /** An integer query parameter within bounds, or {@code fallback} when absent. */
  static int integer(Context ctx, String name, int fallback, int min, int max) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return fallback;
    }
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw Problems.invalidParameter(name, "must be a whole number, was " + Strings.quote(value));
    }
    if (number < min || number > max) {
      throw Problems.invalidParameter(name, "must be between " + min + " and " + max + ", was " + number);
    }
    return number;
  }

  /** A boolean query parameter ({@code true} or {@code false}), or null when absent. */
  static Boolean bool(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return null;
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.valueOf(value);
    }
    throw Problems.invalidParameter(name, "must be true or false, was " + Strings.quote(value));
  }

  /** An ISO-8601 instant query parameter, or null when absent. */
  static Instant instant(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw Problems.invalidParameter(
          name, "must be an ISO-8601 UTC instant such as 2026-11-24T07:30:00Z, was " + Strings.quote(value));
    }
  }
}

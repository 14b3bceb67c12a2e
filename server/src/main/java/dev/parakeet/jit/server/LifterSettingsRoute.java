package dev.parakeet.jit.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.validation.Violation;
import dev.parakeet.jit.store.LifterSetting;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET} and {@code PUT /v1/lifters/{lifterId}/settings} (SPEC §10.3, §8's {@code
 * lifter_settings}): the lifter's strategy setting, {@code {"jitStrategy": "auto"}}, read when a
 * generation request names no strategy. A lifter reads and changes only its own; a service any.
 */
final class LifterSettingsRoute {

  static final String WHAT = "settings";

  /** Untrusted JSON: a duplicate key or anything after the document is refused, not guessed at. */
  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Stores stores;
  private final RequestBodies bodies;
  private final StrategySetting serverDefault;

  LifterSettingsRoute(Stores stores, RequestBodies bodies, StrategySetting serverDefault) {
    this.stores = stores;
    this.bodies = bodies;
    this.serverDefault = serverDefault;
  }

  /** The lifter's setting; one never set reads as the server's default with {@code updatedAt} null. */
  void get(Context ctx) {
    String lifterId = lifter(ctx);
    Optional<LifterSetting> setting = stores.lifterSetting(lifterId);
    Api.json(ctx, 200, setting.map(SessionViews::setting)
        .orElseGet(() -> SessionViews.setting(lifterId, serverDefault.wire(), null)));
  }

  void put(Context ctx) {
    String lifterId = lifter(ctx);
    StrategySetting setting = read(bodies.json(ctx));
    Api.json(ctx, 200, SessionViews.setting(stores.putLifterSetting(lifterId, setting)));
  }

  /** The path's lifter, if the caller may see it: a lifter only itself (403 otherwise). */
  private static String lifter(Context ctx) {
    String lifterId = ctx.pathParam("lifterId");
    if (Api.principal(ctx) instanceof Principal.Lifter lifter && !lifter.id().equals(lifterId)) {
      throw Problems.forbidden("a lifter may read and change only its own settings");
    }
    List<Violation> violations = LifterIds.violations("lifterId", lifterId);
    if (!violations.isEmpty()) {
      throw Problems.invalid("request", violations);
    }
    return lifterId;
  }

  /** Exactly {@code {"jitStrategy": "auto|formula|llm|hybrid"}}; every violation by path. */
  private static StrategySetting read(byte[] body) {
    JsonNode json;
    try {
      json = STRICT.readTree(body);
    } catch (IOException e) {
      throw Problems.invalid(WHAT, List.of(new Violation("$", "is not a single JSON document without duplicate keys")));
    }
    if (json == null || !json.isObject()) {
      throw Problems.invalid(WHAT, List.of(new Violation("$", "must be a JSON object")));
    }
    List<Violation> violations = new ArrayList<>();
    StrategySetting setting = null;
    JsonNode value = json.get("jitStrategy");
    if (value == null || value.isNull()) {
      violations.add(new Violation("jitStrategy", "is required"));
    } else {
      setting = value.isTextual() ? strategy(value.asText()) : null;
      if (setting == null) {
        violations.add(new Violation("jitStrategy", "must be one of auto, formula, llm, hybrid, was " + Strings.quote(value.toString())));
      }
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("jitStrategy")) {
        violations.add(new Violation("$", "has " + Strings.quote(name) + ", which is not a setting"));
      }
    }
    if (!violations.isEmpty()) {
      throw Problems.invalid(WHAT, violations);
    }
    return setting;
  }

  private static StrategySetting strategy(String wire) {
    for (StrategySetting setting : StrategySetting.values()) {
      if (setting.wire().equals(wire)) {
        return setting;
      }
    }
    return null;
  }
}

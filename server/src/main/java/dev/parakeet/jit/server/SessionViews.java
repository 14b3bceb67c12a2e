package dev.parakeet.jit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.app.StoredJson;
import dev.parakeet.jit.store.ComparisonSummary;
import dev.parakeet.jit.store.LifterSetting;
import dev.parakeet.jit.store.Page;
import dev.parakeet.jit.store.SessionSummary;
import dev.parakeet.jit.store.StoredComparison;
import dev.parakeet.jit.store.StoredDecision;
import dev.parakeet.jit.store.StoredSession;
import dev.parakeet.jit.wire.JitJson;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON the API answers for stored things. A session and its history have the shape of {@code
 * sessions show --format json} ({@link StoredJson}, one place for both); the rest is the API's own.
 */
final class SessionViews {

  private SessionViews() {}

  static ObjectNode session(StoredSession session) {
    return StoredJson.session(session);
  }

  static ObjectNode generations(StoredSession session, List<StoredDecision> decisions) {
    ObjectNode json = JitJson.mapper().createObjectNode();
    json.put("sessionId", session.sessionId());
    json.set("generations", StoredJson.history(session, decisions));
    return json;
  }

  static ObjectNode summary(SessionSummary s) {
    ObjectNode json = JitJson.mapper().createObjectNode();
    json.put("sessionId", s.sessionId());
    json.put("lifterId", s.lifterId());
    json.put("primaryLift", s.primaryLift());
    json.put("intensityType", s.intensityType());
    json.put("weekNumber", s.weekNumber());
    json.put("blockNumber", s.blockNumber());
    json.put("jit_strategy", s.jitStrategy());
    json.put("jit_generated_at", s.jitGeneratedAt().toString());
    json.put("generations", s.generations());
    json.put("updatedAt", s.updatedAt().toString());
    return json;
  }

  static ObjectNode comparison(StoredComparison c) {
    ObjectNode json = JitJson.mapper().createObjectNode();
    json.put("id", c.id());
    json.put("lifterId", c.lifterId());
    json.put("sessionId", c.sessionId());
    json.put("createdAt", c.createdAt().toString());
    json.put("strategyUsed", c.strategyUsed());
    json.put("surfaced", c.surfaced());
    json.set("divergence", StoredJson.tree(c.divergenceJson()));
    json.put("failureReason", c.failureReason());
    json.set("jit_input", StoredJson.tree(c.jitInputJson()));
    json.set("formula_output", StoredJson.tree(c.formulaOutputJson()));
    json.set("llm_output", StoredJson.tree(c.llmOutputJson()));
    return json;
  }

  /** {@code GET /v1/comparisons/summary}: the store's figures, with the histogram's bars as objects. */
  static ObjectNode comparisonSummary(ComparisonSummary s) {
    ObjectNode json = JitJson.mapper().createObjectNode();
    json.put("since", s.since() == null ? null : s.since().toString());
    json.put("total", s.total());
    ObjectNode byStrategy = json.putObject("byStrategy");
    s.byStrategy().forEach(byStrategy::put);
    ObjectNode fallbacks = json.putObject("fallbacksByReason");
    s.fallbacksByReason().forEach(fallbacks::put);
    json.put("compared", s.compared());
    json.put("surfaced", s.surfaced());
    json.put("surfacedShare", s.surfacedShare());
    ArrayNode bars = json.putArray("weightPct");
    for (ComparisonSummary.WeightPctBucket bar : s.weightPct()) {
      bars.addObject().put("from", bar.from()).put("to", bar.to()).put("count", bar.count());
    }
    ObjectNode setDeltas = json.putObject("setDeltas");
    for (Map.Entry<Integer, Long> delta : s.setDeltas().entrySet()) {
      setDeltas.put(Integer.toString(delta.getKey()), delta.getValue());
    }
    return json;
  }

  /** A lifter's strategy setting; {@code updatedAt} null when the lifter never set one (the default shown). */
  static ObjectNode setting(String lifterId, String jitStrategy, java.time.Instant updatedAt) {
    ObjectNode json = JitJson.mapper().createObjectNode();
    json.put("lifterId", lifterId);
    json.put("jitStrategy", jitStrategy);
    json.put("updatedAt", updatedAt == null ? null : updatedAt.toString());
    return json;
  }

  static ObjectNode setting(LifterSetting setting) {
    return setting(setting.lifterId(), setting.jitStrategy().wire(), setting.updatedAt());
  }

  /** A page: the items and the cursor of the next page (null on the last). */
  static <T> ObjectNode page(Page<T> page, Function<T, ObjectNode> view) {
    ObjectNode json = JitJson.mapper().createObjectNode();
    ArrayNode items = json.putArray("items");
    page.items().forEach(item -> items.add(view.apply(item)));
    json.put("nextCursor", page.nextCursor());
    return json;
  }
}

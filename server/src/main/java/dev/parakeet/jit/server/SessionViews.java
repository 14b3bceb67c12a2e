package dev.parakeet.jit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.store.HistoryEntry;
import dev.parakeet.jit.store.SessionSummary;
import dev.parakeet.jit.store.StoredComparison;
import dev.parakeet.jit.store.StoredSession;
import dev.parakeet.jit.wire.JitJson;

/**
 * The JSON the API answers for stored things. Field names follow the stored columns as {@code
 * sessions show --format json} prints them (snake_case for the app's own columns, camelCase for
 * the rest), so the command line and the API describe a session the same way.
 */
final class SessionViews {

  private SessionViews() {}

  static ObjectNode session(StoredSession session) {
    ObjectNode json = JitJson.mapper().createObjectNode();
    json.put("sessionId", session.sessionId());
    json.put("lifterId", session.lifterId());
    json.put("weekNumber", session.weekNumber());
    json.put("blockNumber", session.blockNumber());
    json.put("primaryLift", session.primaryLift());
    json.put("intensityType", session.intensityType());
    json.put("deload", session.deload());
    json.put("status", session.status());
    json.put("revision", revision(session));
    json.put("jit_strategy", session.jitStrategy());
    json.put("jit_generated_at", session.jitGeneratedAt().toString());
    json.set("planned_sets", JitJson.readTree(session.plannedSetsJson()));
    json.set("jit_input_snapshot", JitJson.readTree(session.inputSnapshotJson()));
    json.set("output", JitJson.readTree(session.outputJson()));
    json.put("createdAt", session.createdAt().toString());
    json.put("updatedAt", session.updatedAt().toString());
    return json;
  }

  static ObjectNode generations(StoredSession session) {
    ObjectNode json = JitJson.mapper().createObjectNode();
    json.put("sessionId", session.sessionId());
    ArrayNode generations = json.putArray("generations");
    for (HistoryEntry entry : session.history()) {
      ObjectNode generation = generations.addObject();
      generation.put("revision", entry.revision());
      generation.put("generatedAt", entry.generatedAt().toString());
      generation.put("recordedAt", entry.recordedAt().toString());
      generation.put("jit_strategy", entry.jitStrategy());
      generation.set("jit_input_snapshot", JitJson.readTree(entry.inputSnapshotJson()));
      generation.set("output", JitJson.readTree(entry.outputJson()));
    }
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

  static ObjectNode comparison(StoredComparison c, boolean surfaced) {
    ObjectNode json = JitJson.mapper().createObjectNode();
    json.put("id", c.id());
    json.put("lifterId", c.lifterId());
    json.put("sessionId", c.sessionId());
    json.put("createdAt", c.createdAt().toString());
    json.put("strategyUsed", c.strategyUsed());
    json.put("surfaced", surfaced);
    json.set("divergence", tree(c.divergenceJson()));
    json.put("failureReason", c.failureReason());
    json.set("jit_input", tree(c.jitInputJson()));
    json.set("formula_output", tree(c.formulaOutputJson()));
    json.set("llm_output", tree(c.llmOutputJson()));
    return json;
  }

  /** A page: the items and the cursor of the next page (null on the last). */
  static ObjectNode page(ArrayNode items, Cursor next) {
    ObjectNode json = JitJson.mapper().createObjectNode();
    json.set("items", items);
    json.put("nextCursor", next == null ? null : next.encode());
    return json;
  }

  private static int revision(StoredSession session) {
    return session.history().isEmpty() ? 0 : session.history().get(session.history().size() - 1).revision();
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
    return json == null ? JitJson.mapper().nullNode() : JitJson.readTree(json);
  }
}

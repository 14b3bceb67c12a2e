package dev.parakeet.jit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.store.HistoryEntry;
import dev.parakeet.jit.store.StoredDecision;
import dev.parakeet.jit.store.StoredSession;
import dev.parakeet.jit.wire.JitJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What was stored, as JSON: one shape for {@code sessions show --format json} and the HTTP API.
 * Field names follow the stored columns (snake_case for the app's own columns, camelCase for the
 * rest), so the command line and the API describe a session the same way.
 */
public final class StoredJson {

  private StoredJson() {}

  /** The session row: the latest generation, its input snapshot, revision and times. */
  public static ObjectNode session(StoredSession session) {
    ObjectNode json = JitJson.mapper().createObjectNode();
    json.put("sessionId", session.sessionId());
    json.put("lifterId", session.lifterId());
    json.put("weekNumber", session.weekNumber());
    json.put("blockNumber", session.blockNumber());
    json.put("primaryLift", session.primaryLift());
    json.put("intensityType", session.intensityType());
    json.put("deload", session.deload());
    json.put("status", session.status());
    json.put("revision", session.history().isEmpty() ? 0 : session.history().get(session.history().size() - 1).revision());
    json.put("jit_strategy", session.jitStrategy());
    json.put("jit_generated_at", session.jitGeneratedAt().toString());
    json.set("planned_sets", JitJson.readTree(session.plannedSetsJson()));
    json.set("jit_input_snapshot", JitJson.readTree(session.inputSnapshotJson()));
    json.set("output", JitJson.readTree(session.outputJson()));
    json.put("createdAt", session.createdAt().toString());
    json.put("updatedAt", session.updatedAt().toString());
    return json;
  }

  /** The history, oldest first, each generation with its model decision (null when none was asked). */
  public static ArrayNode history(StoredSession session, List<StoredDecision> decisions) {
    Map<Integer, StoredDecision> byRevision = new HashMap<>();
    decisions.forEach(d -> byRevision.put(d.revision(), d));
    ArrayNode history = JitJson.mapper().createArrayNode();
    for (HistoryEntry entry : session.history()) {
      ObjectNode generation = history.addObject();
      generation.put("revision", entry.revision());
      generation.put("generatedAt", entry.generatedAt().toString());
      generation.put("recordedAt", entry.recordedAt().toString());
      generation.put("jit_strategy", entry.jitStrategy());
      generation.set("jit_input_snapshot", JitJson.readTree(entry.inputSnapshotJson()));
      generation.set("output", JitJson.readTree(entry.outputJson()));
      StoredDecision decision = byRevision.get(entry.revision());
      generation.set("decision", decision == null ? JitJson.mapper().nullNode() : decision(decision));
    }
    return history;
  }

  /** One {@code llm_decisions} row (SPEC §8). */
  public static ObjectNode decision(StoredDecision d) {
    ObjectNode json = JitJson.mapper().createObjectNode();
    json.put("provider", d.provider());
    json.put("model", d.model());
    json.put("promptVersion", d.promptVersion());
    json.put("latencyMs", d.latencyMs());
    json.put("inputTokens", d.inputTokens());
    json.put("outputTokens", d.outputTokens());
    json.put("outcome", d.outcome());
    json.set("rawAdjustment", tree(d.rawAdjustmentJson()));
    json.put("failureReason", d.failureReason());
    json.put("createdAt", d.createdAt().toString());
    return json;
  }

  /** A stored JSON column as a tree; JSON null for a column that is null. */
  public static JsonNode tree(String json) {
    return json == null ? JitJson.mapper().nullNode() : JitJson.readTree(json);
  }
}

package dev.parakeet.jit.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.wire.JitJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A position in a list ordered newest first: the instant and the tie-breaking key of the last
 * item of a page. Opaque to clients (base64url of a small JSON object); keyset pagination, so a
 * page never repeats or skips an item when rows are added in front of it.
 */
record Cursor(Instant at, String key) {

  String encode() {
    String json = JitJson.write(java.util.Map.of("at", at.toString(), "key", key));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor in {@code value}, or null when absent. @throws ApiProblem 400 when malformed */
  static Cursor decode(String value) {
    if (value == null) {
      return null;
    }
    try {
      JsonNode json = JitJson.readTree(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8));
      if (json.path("at").isTextual() && json.path("key").isTextual()) {
        return new Cursor(Instant.parse(json.get("at").asText()), json.get("key").asText());
      }
    } catch (RuntimeException e) {
      // Falls through to the one answer for any malformed cursor.
    }
    throw Problems.invalidParameter("cursor", "is not a cursor this server issued");
  }
}

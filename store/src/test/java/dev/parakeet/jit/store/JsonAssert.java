package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.wire.JitJson;

/**
 * JSON comparison that holds on both databases: PostgreSQL's jsonb hands back the same document
 * with its keys reordered and its whitespace changed, SQLite the very text that was written.
 */
final class JsonAssert {

  private JsonAssert() {}

  static JsonNode tree(String json) {
    try {
      return JitJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  static void assertSameJson(String actual, String expected) {
    assertThat(tree(actual)).isEqualTo(tree(expected));
  }
}

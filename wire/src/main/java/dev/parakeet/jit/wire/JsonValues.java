package dev.parakeet.jit.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collection;

/** How offending values are quoted in violation messages: short, exact, never a whole document. */
final class JsonValues {

  private static final int MAX_QUOTED = 60;

  private JsonValues() {}

  /** A JSON node as a person would recognise it: {@code "abc"}, {@code 7.5}, {@code an object}. */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "absent";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return quote(node.textValue());
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    return node.isArray() ? "an array" : "an object";
  }

  /** A bound Java value, as in {@code was 7} or {@code had 6 items}. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence text) {
      return quote(text.toString());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : value.toString();
    }
    if (value instanceof Collection<?> collection) {
      return collection.size() + (collection.size() == 1 ? " item" : " items");
    }
    return value.toString();
  }

  static String quote(String text) {
    String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
    return '"' + shown.replace("\"", "\\\"").replaceAll("[\\r\\n\\t]", " ") + '"';
  }
}

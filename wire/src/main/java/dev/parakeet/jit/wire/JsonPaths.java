package dev.parakeet.jit.wire;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.model.WireEnum;
import dev.parakeet.jit.engine.validation.Violation;
import jakarta.validation.Path;
import java.util.List;

/** JSON paths in the notation of SPEC §1.4: {@code sorenessRatings.quads}, {@code activeDisruptions[0].severity}. */
final class JsonPaths {

  private JsonPaths() {}

  /** The path of a Jackson binding error; {@link Violation#ROOT} for the document itself. */
  static String of(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        appendField(path, reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? Violation.ROOT : path.toString();
  }

  /**
   * The path of a bean-validation violation. Property names are already the JSON names (see
   * {@link JacksonPropertyNames}); container elements contribute their index or map key.
   */
  static String of(Path propertyPath) {
    StringBuilder path = new StringBuilder();
    for (Path.Node node : propertyPath) {
      if (node.isInIterable()) {
        if (node.getIndex() != null) {
          path.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
          appendField(path, key(node.getKey()));
        }
      }
      String name = node.getName();
      if (name != null && !name.startsWith("<")) {
        appendField(path, name);
      }
    }
    return path.length() == 0 ? Violation.ROOT : path.toString();
  }

  static String child(String parent, String field) {
    return Violation.ROOT.equals(parent) ? field : parent + "." + field;
  }

  /** The node at a Jackson reference path in {@code root}, or null. */
  static JsonNode nodeAt(JsonNode root, List<JsonMappingException.Reference> references) {
    JsonNode node = root;
    for (JsonMappingException.Reference reference : references) {
      if (node == null) {
        return null;
      }
      node =
          reference.getFieldName() != null
              ? node.get(reference.getFieldName())
              : reference.getIndex() >= 0 ? node.get(reference.getIndex()) : node;
    }
    return node;
  }

  private static void appendField(StringBuilder path, String field) {
    if (path.length() > 0) {
      path.append('.');
    }
    path.append(field);
  }

  private static String key(Object key) {
    return key instanceof WireEnum wire ? wire.wire() : String.valueOf(key);
  }
}

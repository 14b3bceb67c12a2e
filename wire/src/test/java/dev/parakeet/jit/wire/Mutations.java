package dev.parakeet.jit.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded damage to valid documents, as a careless or hostile client would do it: values of another
 * type or just out of (or exactly at) their bounds, removed and unknown fields, misspelt keys and
 * enum values, duplicate keys, lone surrogates and control characters, numbers a double cannot
 * hold, truncation, trailing garbage, deep nesting. Some mutations leave the document valid (a
 * bound hit exactly, a harmless unknown field): the tests do not assume which.
 */
final class Mutations {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Random random;
  private final AppDocuments documents;

  Mutations(long seed, AppDocuments documents) {
    this.random = new Random(seed);
    this.documents = documents;
  }

  /** {@code document} with one to three mutations, as the bytes to read. */
  byte[] mutate(ObjectNode document) {
    ObjectNode tree = document.deepCopy();
    int count = 1 + random.nextInt(3);
    String text = null;
    for (int i = 0; i < count; i++) {
      if (random.nextInt(4) == 0 && i == count - 1) {
        text = mutateText(documents.text(tree));
      } else {
        mutateTree(tree);
      }
    }
    return escapeLoneSurrogates(text != null ? text : documents.text(tree)).getBytes(StandardCharsets.UTF_8);
  }

  /** A lone surrogate cannot be encoded in UTF-8; a client sends it as an escape, as here. */
  private static String escapeLoneSurrogates(String json) {
    StringBuilder out = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1));
      if (paired) {
        out.append(c).append(json.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private void mutateTree(ObjectNode root) {
    List<Slot> slots = new ArrayList<>();
    collect(root, slots);
    if (slots.isEmpty()) {
      root.put("sessionId", "refilled");
      return;
    }
    Slot slot = slots.get(random.nextInt(slots.size()));
    switch (random.nextInt(6)) {
      case 0, 1, 2 -> slot.replace(replacement(slot.value()));
      case 3 -> slot.remove();
      case 4 -> {
        if (slot.parent() instanceof ObjectNode object) {
          object.set(pick("x", "pcts", "extra_col", "sessionID", "type", "name", "steps", "mev"), documents.untyped(1));
        } else {
          slot.replace(documents.untyped(0));
        }
      }
      default -> {
        if (slot.parent() instanceof ObjectNode object && slot.key() != null) {
          JsonNode value = object.remove(slot.key());
          object.set(misspell(slot.key()), value);
        } else {
          slot.replace(replacement(slot.value()));
        }
      }
    }
  }

  /** A value to put where {@code current} was: another type, a bound, an odd string, a huge number. */
  private JsonNode replacement(JsonNode current) {
    if (current.isNumber() && random.nextBoolean()) {
      return nearby(current);
    }
    if (current.isTextual() && random.nextBoolean()) {
      return NODES.textNode(oddText(current.textValue()));
    }
    return switch (random.nextInt(14)) {
      case 0 -> NODES.textNode(String.valueOf(current.asText()));
      case 1 -> NODES.numberNode(random.nextInt(7) - 1);
      case 2 -> NODES.numberNode(1.5);
      case 3 -> NODES.numberNode(1.0);
      case 4 -> NODES.numberNode(new BigDecimal("1e400"));
      case 5 -> NODES.numberNode(new BigInteger("99999999999999999999"));
      case 6 -> NODES.numberNode(99_999_999_999L);
      case 7 -> NODES.booleanNode(true);
      case 8 -> NODES.nullNode();
      case 9 -> NODES.arrayNode().add(current.deepCopy());
      case 10 -> NODES.objectNode();
      case 11 -> NODES.textNode("");
      case 12 -> NODES.textNode("   ");
      default -> NODES.numberNode(-0.0);
    };
  }

  /** A number at, just inside or just outside typical bounds, or the same number in another form. */
  private JsonNode nearby(JsonNode number) {
    double value = number.asDouble();
    double[] bounds = {0, 1, 3, 5, 10, 20, 24, 40, 50, 64, 100, 120, 200, 500, 520, 600, 1000, 3650, 0.2, 0.4, 0.6,
        1.05, 0.5};
    double bound = bounds[random.nextInt(bounds.length)];
    return switch (random.nextInt(8)) {
      case 0 -> NODES.numberNode(bound);
      case 1 -> NODES.numberNode(Math.nextUp(bound));
      case 2 -> NODES.numberNode(Math.nextDown(bound));
      case 3 -> NODES.numberNode((int) bound);
      case 4 -> NODES.numberNode((int) bound + 1);
      case 5 -> NODES.numberNode(-value);
      case 6 -> NODES.numberNode(value + 0.5);
      default -> NODES.numberNode(bound - 1);
    };
  }

  private String oddText(String text) {
    int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
    String inserted =
        switch (random.nextInt(9)) {
          case 0 -> "\ud800";
          case 1 -> "\udc00";
          case 2 -> "\u001b[2J";
          case 3 -> "\n";
          case 4 -> "\u0085";
          case 5 -> "\uD83E\uDD9C".repeat(1 + random.nextInt(210));
          case 6 -> "x".repeat(1 + random.nextInt(2100));
          case 7 -> text.toUpperCase(java.util.Locale.ROOT);
          default -> "\u00a0";
        };
    return text.substring(0, Math.min(at, text.length())) + inserted + text.substring(Math.min(at, text.length()));
  }

  private String misspell(String key) {
    return switch (random.nextInt(4)) {
      case 0 -> key + "s";
      case 1 -> key.toUpperCase(java.util.Locale.ROOT);
      case 2 -> key.isEmpty() ? "_" : key.substring(1);
      default -> "_" + key;
    };
  }

  /** Damage only text can carry: duplicates, escapes, syntax, size and depth. */
  private String mutateText(String json) {
    int inner = json.lastIndexOf('}');
    return switch (random.nextInt(12)) {
      case 0 -> json.substring(0, random.nextInt(json.length()));
      case 1 -> json + pick(" }", " x", "{}", "\n\n", " [1]");
      case 2 -> json.substring(0, inner) + ",\"sessionId\":\"dup\"}";
      case 3 -> duplicateFirstMember(json);
      case 4 -> json.replaceFirst("\"([a-z])", "\"\\\\ud800$1");
      case 5 -> json.replaceFirst("\"([a-z])", "\"\\\\udc00$1");
      case 6 -> json.replaceFirst("\"([A-Za-z])", "\"\\\\u0007$1");
      case 7 -> json.substring(0, inner) + ",\"deep\":" + "[".repeat(70) + "]".repeat(70) + "}";
      case 8 -> json.substring(0, inner) + ",\"big\":" + "9".repeat(400) + "}";
      case 9 -> json.replaceFirst(":(\\d)", ":0$1");
      case 10 -> json.replaceFirst(":(-?\\d+(\\.\\d+)?)", ":NaN");
      default -> "[" + json + "]";
    };
  }

  private String duplicateFirstMember(String json) {
    int colon = json.indexOf(':');
    int comma = json.indexOf(',', colon);
    if (colon < 0 || comma < 0) {
      return json + " ";
    }
    String member = json.substring(1, comma);
    return "{" + member + "," + json.substring(1);
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  /** A place in a document: its parent, its key or index, its value. */
  private record Slot(JsonNode parent, String key, int index, JsonNode value) {
    void replace(JsonNode replacement) {
      if (parent instanceof ObjectNode object) {
        object.set(key, replacement);
      } else {
        ((ArrayNode) parent).set(index, replacement);
      }
    }

    void remove() {
      if (parent instanceof ObjectNode object) {
        object.remove(key);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }
  }

  private static void collect(JsonNode node, List<Slot> out) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.add(new Slot(object, field.getKey(), -1, field.getValue()));
        collect(field.getValue(), out);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        out.add(new Slot(array, null, i, array.get(i)));
        collect(array.get(i), out);
      }
    }
  }
}

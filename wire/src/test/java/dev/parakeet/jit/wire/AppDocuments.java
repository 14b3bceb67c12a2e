package dev.parakeet.jit.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import dev.parakeet.jit.engine.testing.RandomInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, valid JitInput documents shaped like the ones the app sends: {@link RandomInputs} as JSON,
 * then, at random, the full default {@code formulaConfig} and a full {@code mrvMevConfig}, a {@code
 * lifterId} and {@code allOneRmKg}, unknown top-level fields of every JSON type, extra columns in
 * disruption and log rows, non-ASCII text, members in another order, numbers spelled differently
 * and pretty printing. Every document is valid (SPEC §1.2); the equivalence tests check that
 * assumption with the thorough path too.
 */
final class AppDocuments {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final List<String> TEXTS =
      List.of("lifter-7", "Zoë Ünsal", "\uD83E\uDD9C parrot", "\u5C0F\u660E", "a\"quote\\slash/", "\uD83E\uDD9C".repeat(200),
          "x".repeat(200), " padded ");

  /** Names for kept fields and nested keys; "Aa" and "BB" share a hash code, as do "AaAa" and "BBBB". */
  static final List<String> KEYS =
      List.of("stressLevel", "wearable", "appVersion", "notes", "deviceTime", "Aa", "BB", "AaAa", "BBBB", "AaBB", "k1",
          "k2", "z");

  private final Random random;
  private final RandomInputs inputs;

  AppDocuments(long seed) {
    this.random = new Random(seed);
    this.inputs = new RandomInputs(seed);
  }

  /** The next document as a tree (for mutation) and as bytes. */
  ObjectNode nextTree() {
    JitInput input = inputs.next();
    ObjectNode doc = JitJson.mapper().valueToTree(input);
    if (chance(0.5) && !doc.has("formulaConfig")) {
      doc.set("formulaConfig", JitJson.mapper().valueToTree(FormulaConfig.DEFAULTS));
    }
    if (chance(0.5) && !doc.has("mrvMevConfig")) {
      ObjectNode landmarks = doc.putObject("mrvMevConfig");
      for (Muscle muscle : Muscle.values()) {
        int mev = random.nextInt(20);
        landmarks.putObject(muscle.wire()).put("mev", mev).put("mrv", mev + 1 + random.nextInt(40 - mev));
      }
    }
    if (chance(0.5)) {
      doc.put("lifterId", TEXTS.get(random.nextInt(TEXTS.size())));
    }
    if (chance(0.3)) {
      ObjectNode others = doc.putObject("allOneRmKg");
      for (Lift lift : Lift.values()) {
        if (chance(0.6)) {
          double[] picks = {20, 600, 20.25, 599.75, 100 + random.nextInt(40000) / 100.0};
          others.put(lift.wire(), picks[random.nextInt(picks.length)]);
        }
      }
    }
    for (int i = random.nextInt(4); i > 0 && chance(0.4); i--) {
      doc.set(KEYS.get(random.nextInt(KEYS.size())), untyped(0));
    }
    if (chance(0.15)) {
      doc.set("hrvTrend", untyped(0));
    }
    decorateRows(doc.get("activeDisruptions"), "user_id", "created_at", "program_id");
    decorateRows(doc.get("recentLogs"), "session_id", "logged_at");
    if (chance(0.3)) {
      shuffle(doc);
    }
    return doc;
  }

  /** The next document as the bytes a client would send. */
  byte[] next() {
    return text(nextTree()).getBytes(StandardCharsets.UTF_8);
  }

  /** Compact, pretty, or with numbers spelled another way (1.0 → 1.00, 137.5 → 1.375E2): all valid. */
  String text(JsonNode doc) {
    try {
      String json =
          chance(0.15)
              ? JitJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc)
              : JitJson.mapper().writeValueAsString(doc);
      return chance(0.2) ? respellNumbers(json) : json;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Any JSON value of any type, as an unknown field or column might hold. */
  JsonNode untyped(int depth) {
    int kind = random.nextInt(depth > 2 ? 7 : 9);
    return switch (kind) {
      case 0 -> NODES.numberNode(random.nextInt(100));
      case 1 -> NODES.numberNode(3_000_000_000L + random.nextInt(1000));
      case 2 -> NODES.numberNode(random.nextInt(10000) / 8.0 - 100);
      case 3 -> NODES.textNode(TEXTS.get(random.nextInt(TEXTS.size())));
      case 4 -> NODES.booleanNode(random.nextBoolean());
      case 5 -> NODES.nullNode();
      case 6 -> NODES.textNode("");
      case 7 -> {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(untyped(depth + 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.set(KEYS.get(random.nextInt(KEYS.size())), untyped(depth + 1));
        }
        yield object;
      }
    };
  }

  private void decorateRows(JsonNode rows, String... columns) {
    if (rows == null || !rows.isArray()) {
      return;
    }
    for (JsonNode row : rows) {
      if (row instanceof ObjectNode object && chance(0.4)) {
        object.set(columns[random.nextInt(columns.length)], untyped(1));
      }
    }
  }

  /** Members in another order, at every level, except a warm-up's type id, which clients send first. */
  private void shuffle(ObjectNode object) {
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator(); fields.hasNext(); ) {
      members.add(fields.next());
    }
    Collections.shuffle(members, random);
    members.sort((a, b) -> a.getKey().equals("type") ? -1 : b.getKey().equals("type") ? 1 : 0);
    object.removeAll();
    for (Map.Entry<String, JsonNode> member : members) {
      object.set(member.getKey(), member.getValue());
      if (member.getValue() instanceof ObjectNode child) {
        shuffle(child);
      } else if (member.getValue() instanceof ArrayNode array) {
        for (JsonNode element : array) {
          if (element instanceof ObjectNode child) {
            shuffle(child);
          }
        }
      }
    }
  }

  private String respellNumbers(String json) {
    StringBuilder out = new StringBuilder(json.length() + 16);
    java.util.regex.Matcher number = java.util.regex.Pattern.compile("(?<=[:\\[,])(-?\\d+\\.\\d+)(?=[,}\\]])").matcher(json);
    while (number.find()) {
      String literal = number.group(1);
      String respelled =
          switch (random.nextInt(3)) {
            case 0 -> literal + "00";
            case 1 -> new java.math.BigDecimal(literal).scaleByPowerOfTen(-2).toPlainString() + "E2";
            default -> literal;
          };
      number.appendReplacement(out, respelled.replace("$", "\\$"));
    }
    number.appendTail(out);
    return out.toString();
  }

  /** The repository's example documents (valid and not), one per file or NDJSON line. */
  static List<byte[]> examples() {
    Path folder = Path.of("..", "examples");
    List<byte[]> documents = new ArrayList<>();
    try (var files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        if (file.toString().endsWith(".ndjson")) {
          for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
              documents.add(line.getBytes(StandardCharsets.UTF_8));
            }
          }
        } else if (file.toString().endsWith(".json")) {
          documents.add(Files.readAllBytes(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (documents.isEmpty()) {
      throw new IllegalStateException("no examples under " + folder.toAbsolutePath());
    }
    return documents;
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }
}

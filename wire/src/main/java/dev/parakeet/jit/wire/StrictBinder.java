package dev.parakeet.jit.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.model.WireEnum;
import dev.parakeet.jit.engine.validation.Violation;
import dev.parakeet.jit.wire.DocumentRejectedException.Stage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads one JSON document into a model record and collects <em>every</em> violation by path
 * before deciding, so a caller fixes a bad input in one round trip (SPEC §1.4).
 *
 * <p>Four passes: syntax and size; non-finite numbers and invalid Unicode; binding (Jackson stops at the first type
 * error, so each error is recorded, the offending node removed, and binding retried); then the
 * Jakarta bounds and any cross-field rules on the bound value.
 */
final class StrictBinder {

  /** Enough for any honest mistake; past this a document is not worth reading further. */
  static final int MAX_VIOLATIONS = 100;

  private static final java.util.regex.Pattern SOURCE_LOCATION =
      java.util.regex.Pattern.compile("\\[Source:[^\\]]*line: (\\d+), column: (\\d+)\\]");

  /** One validator bootstrap for every reader and parser: the binder keeps no per-call state. */
  static final StrictBinder SHARED = new StrictBinder();

  private final ObjectMapper mapper = JitJson.mapper();

  /**
   * The Jakarta validator, bootstrapped on the first document the streaming path hands over (it
   * loads some 500 classes): a command that reads only valid documents never builds it.
   */
  private static final class Validation {
    static final BeanValidation INSTANCE = new BeanValidation(JitJson.mapper());
  }

  /** A bound value and the document it came from. */
  record Bound<T>(T value, ObjectNode document) {}

  <T> Bound<T> bind(
      byte[] json, Class<T> type, String what, Function<T, List<Violation>> crossFieldRules) {
    return bind(json, 0, json.length, type, what, crossFieldRules);
  }

  <T> Bound<T> bind(
      byte[] json, int offset, int length, Class<T> type, String what,
      Function<T, List<Violation>> crossFieldRules) {
    return bind(parse(json, offset, length, what), type, what, crossFieldRules);
  }

  <T> Bound<T> bind(
      ObjectNode document, Class<T> type, String what, Function<T, List<Violation>> crossFieldRules) {
    List<Violation> structural = new ArrayList<>();
    // No copy: the tree is only changed where a violation is recorded, and a rejected document is
    // not handed back, so an accepted one is returned exactly as received.
    removeInvalidValues(document, Violation.ROOT, structural);
    T value = bindCollecting(document, type, structural);

    List<Violation> bounds = new ArrayList<>();
    if (value != null) {
      for (Violation violation : Validation.INSTANCE.validate(value)) {
        if (!coveredBy(violation.path(), structural)) {
          bounds.add(violation);
        }
      }
      if (bounds.isEmpty() && structural.isEmpty()) {
        bounds.addAll(crossFieldRules.apply(value));
      }
    }
    if (!structural.isEmpty() || !bounds.isEmpty()) {
      TreeSet<Violation> all = new TreeSet<>(structural);
      all.addAll(bounds);
      throw new DocumentRejectedException(
          what, structural.isEmpty() ? Stage.BOUNDS : Stage.STRUCTURE, limit(all));
    }
    return new Bound<>(value, document);
  }

  /** Parses a document that must be one JSON object of at most 1 MiB. */
  ObjectNode parse(byte[] json, int offset, int length, String what) {
    if (length > JitJson.MAX_DOCUMENT_BYTES) {
      throw DocumentRejectedException.oversized(what, length);
    }
    JsonNode root;
    try {
      root = mapper.readTree(json, offset, length);
    } catch (JsonProcessingException e) {
      throw syntax(what, syntaxMessage(e));
    } catch (IOException e) {
      throw syntax(what, "could not be read: " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw syntax(what, "document is empty; expected a JSON object");
    }
    if (!root.isObject()) {
      throw new DocumentRejectedException(
          what,
          Stage.STRUCTURE,
          List.of(new Violation(Violation.ROOT, "must be a JSON object, was " + JsonValues.describe(root))));
    }
    return (ObjectNode) root;
  }

  private static DocumentRejectedException syntax(String what, String message) {
    return new DocumentRejectedException(what, Stage.SYNTAX, List.of(new Violation(Violation.ROOT, message)));
  }

  private static String syntaxMessage(JsonProcessingException e) {
    String detail = e.getOriginalMessage();
    // Jackson's hints name its own feature flags; a caller needs the problem, not the switch.
    int hint = detail.indexOf(": enable ");
    if (hint < 0) {
      hint = detail.indexOf("\n");
    }
    if (hint > 0) {
      detail = detail.substring(0, hint);
    }
    // Locations are given once, below; the parser's own mention of its source is noise.
    detail = SOURCE_LOCATION.matcher(detail).replaceAll("line $1, column $2");
    if (detail.contains("'NaN'") || detail.contains("Infinity")) {
      detail = "numbers must be finite (NaN and Infinity are not JSON)";
    }
    JsonLocation location = e.getLocation();
    String where =
        location == null || location.getLineNr() < 0
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return "malformed JSON" + where + ": " + detail.strip();
  }

  /**
   * Takes out, by path, the values no binding may see: numbers too large for a double (they arrive
   * as infinities) and strings or field names that are not valid Unicode (a lone surrogate escape
   * such as {@code \ud800} would otherwise be echoed and stored as {@code ?}; SPEC §1.2). Unknown
   * fields are stored with the snapshot, so the whole document is scanned, not only what binds.
   */
  private static void removeInvalidValues(JsonNode node, String path, List<Violation> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = field.getKey();
        String badName = Text.invalidUnicode(name);
        String fieldPath = JsonPaths.child(path, Text.escapeLoneSurrogates(name));
        String problem = badName != null ? "field name is not valid Unicode: " + badName : invalid(field.getValue());
        if (problem != null) {
          out.add(new Violation(fieldPath, problem));
          fields.remove();
        } else {
          removeInvalidValues(field.getValue(), fieldPath, out);
        }
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        String elementPath = path + "[" + i + "]";
        String problem = invalid(array.get(i));
        if (problem != null) {
          out.add(new Violation(elementPath, problem));
          array.set(i, NullNode.getInstance());
        } else {
          removeInvalidValues(array.get(i), elementPath, out);
        }
      }
    }
  }

  /** Why a scalar may not be bound, or null. */
  private static String invalid(JsonNode node) {
    if (isNonFinite(node)) {
      return "must be a finite number, was " + node.asText();
    }
    if (node.isTextual()) {
      String why = Text.invalidUnicode(node.textValue());
      return why == null ? null : "is not valid Unicode: " + why;
    }
    return null;
  }

  private static boolean isNonFinite(JsonNode node) {
    return node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue());
  }

  /**
   * Binds {@code tree} to {@code type}. Each binding error becomes a violation and its node is
   * removed, then binding is retried, until the document binds or no progress can be made.
   */
  private <T> T bindCollecting(ObjectNode tree, Class<T> type, List<Violation> out) {
    while (out.size() < MAX_VIOLATIONS) {
      try {
        return mapper.treeToValue(tree, type);
      } catch (JsonMappingException e) {
        Located located = locate(e, tree);
        out.add(new Violation(located.path(), located.message()));
        if (!located.remove().getAsBoolean()) {
          return null;
        }
      } catch (JsonProcessingException e) {
        out.add(new Violation(Violation.ROOT, "could not be read: " + e.getOriginalMessage()));
        return null;
      }
    }
    return null;
  }

  /** A binding error with its path, its wording, and how to take the offending node out. */
  private record Located(String path, String message, java.util.function.BooleanSupplier remove) {}

  private static Located locate(JsonMappingException e, ObjectNode tree) {
    List<JsonMappingException.Reference> refs = e.getPath();
    String path = JsonPaths.of(refs);
    JsonNode node = JsonPaths.nodeAt(tree, refs);

    // An unknown enum map key is reported at the map; point at the key itself.
    if (e instanceof InvalidFormatException format
        && format.getValue() instanceof String key
        && node instanceof ObjectNode map
        && map.has(key)
        && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      return new Located(
          JsonPaths.child(path, key),
          "is not a known key; expected one of " + enumValues(format.getTargetType()),
          () -> map.remove(key) != null);
    }
    String message;
    if (e instanceof UnrecognizedPropertyException unknown) {
      message = "is not a known field" + known(unknown.getKnownPropertyIds());
    } else if (e instanceof InvalidTypeIdException typeId) {
      String ids = subtypeNames(typeId.getBaseType().getRawClass());
      message =
          typeId.getTypeId() == null
              ? "needs a \"type\": one of " + ids
              : "has an unknown type " + JsonValues.quote(typeId.getTypeId()) + "; expected one of " + ids;
    } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      message =
          "must be " + expected(mismatch.getTargetType(), e.getOriginalMessage()) + ", was "
              + JsonValues.describe(node);
    } else {
      String original = e.getOriginalMessage();
      message =
          original.startsWith("Numeric value") && original.contains("out of range")
              ? "is out of range for an integer, was " + JsonValues.describe(node)
              : "is invalid: " + original.lines().findFirst().orElse("");
    }
    return new Located(path, message, () -> removeAt(tree, refs));
  }

  private static boolean removeAt(ObjectNode tree, List<JsonMappingException.Reference> refs) {
    if (refs.isEmpty()) {
      return false;
    }
    JsonNode parent = JsonPaths.nodeAt(tree, refs.subList(0, refs.size() - 1));
    JsonMappingException.Reference last = refs.get(refs.size() - 1);
    if (parent instanceof ObjectNode object && last.getFieldName() != null) {
      return object.remove(last.getFieldName()) != null;
    }
    if (parent instanceof ArrayNode array && last.getIndex() >= 0 && last.getIndex() < array.size()) {
      if (array.get(last.getIndex()).isNull()) {
        return false;
      }
      array.set(last.getIndex(), NullNode.getInstance());
      return true;
    }
    return false;
  }

  private static String expected(Class<?> type, String jacksonMessage) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of " + enumValues(type);
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private static String enumValues(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> c instanceof WireEnum wire ? wire.wire() : c.toString())
        .collect(Collectors.joining(", "));
  }

  private static String subtypeNames(Class<?> base) {
    JsonSubTypes subtypes = base.getAnnotation(JsonSubTypes.class);
    return subtypes == null
        ? "(none)"
        : Arrays.stream(subtypes.value()).map(JsonSubTypes.Type::name).collect(Collectors.joining(", "));
  }

  private static String known(Collection<Object> ids) {
    if (ids == null || ids.isEmpty()) {
      return "";
    }
    return "; known fields: " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  /** A bounds violation inside a node already reported (and removed) adds nothing. */
  private static boolean coveredBy(String path, List<Violation> reported) {
    for (Violation violation : reported) {
      String p = violation.path();
      if (path.equals(p) || path.startsWith(p + ".") || path.startsWith(p + "[")) {
        return true;
      }
    }
    return false;
  }

  private static List<Violation> limit(Collection<Violation> violations) {
    List<Violation> list = new ArrayList<>(violations);
    if (list.size() > MAX_VIOLATIONS) {
      int more = list.size() - MAX_VIOLATIONS;
      list = new ArrayList<>(list.subList(0, MAX_VIOLATIONS));
      list.add(new Violation(Violation.ROOT, "… and " + more + " more violations"));
    }
    return list;
  }
}

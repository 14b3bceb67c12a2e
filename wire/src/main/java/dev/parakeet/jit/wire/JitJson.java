package dev.parakeet.jit.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.PlannedSet;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one Jackson configuration of the wire format. Reading is strict — no coercion of strings to
 * numbers or numbers to strings, no fractions where integers belong, no unknown fields except
 * where the model declares them welcome, no duplicate keys, no trailing tokens — so that what is
 * accepted is exactly what SPEC §1 describes. Writing emits ISO-8601 instants.
 */
public final class JitJson {

  /** Documents above this size are rejected before parsing (SPEC §1.4). */
  public static final int MAX_DOCUMENT_BYTES = 1 << 20;

  static final int MAX_NESTING_DEPTH = 64;

  private JitJson() {}

  /**
   * Built on first use: a command that reads its input on the streaming path and writes through
   * {@link OutputWriter} never needs it, and building it is a good part of a short run's start-up.
   */
  private static final class Shared {
    static final ObjectMapper MAPPER = build();
  }

  /** The shared, thread-safe mapper. Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return Shared.MAPPER;
  }

  /**
   * A new parser factory with the wire format's parser settings — nesting and size limits, no NaN
   * or infinities — the one definition the mapper is built on too. {@code duplicateDetection}
   * makes the parser reject a repeated key itself; the streaming readers, which detect duplicates
   * with a bit per known field, do without it.
   */
  static JsonFactory parserFactory(boolean duplicateDetection) {
    return new JsonFactoryBuilder()
        .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, duplicateDetection)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(MAX_DOCUMENT_BYTES)
                .build())
        .build();
  }

  /**
   * {@code value} as compact JSON. A {@link JitOutput}, written for every request, goes through a
   * writer of its own that writes exactly what the mapper writes, several times faster.
   */
  public static String write(Object value) {
    if (value instanceof JitOutput output) {
      return OutputWriter.write(output);
    }
    try {
      return Shared.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("could not write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * A session's main sets as compact JSON, exactly as {@link #write} writes the list (what the
   * store keeps as {@code planned_sets}), through the output's own writer.
   */
  public static String writePlannedSets(List<PlannedSet> sets) {
    return OutputWriter.writePlannedSets(sets);
  }

  /**
   * {@link #write}'s text as UTF-8, byte for byte {@code write(value).getBytes(UTF_8)}; a {@link
   * JitOutput} is encoded as it is written, without the string in between (a batch's lines).
   */
  public static byte[] writeUtf8(Object value) {
    if (value instanceof JitOutput output) {
      return OutputWriter.writeUtf8(output);
    }
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  public static String writePretty(Object value) {
    try {
      return Shared.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("could not write " + value.getClass().getSimpleName(), e);
    }
  }

  public static JsonNode toTree(Object value) {
    return Shared.MAPPER.valueToTree(value);
  }

  /** Parses JSON this engine wrote or stored (never user input: that goes through the readers). */
  public static JsonNode readTree(String json) {
    try {
      return Shared.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("stored JSON is not readable", e);
    }
  }

  /**
   * A stored input snapshot as it was recorded, bound without today's validation: a row written by
   * an older version (or another program) is still shown, never re-judged. Not for new input: use
   * {@link JitInputReader}.
   */
  public static JitInput readStoredInput(String json) {
    try {
      return Shared.MAPPER.readValue(json, JitInput.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("stored input snapshot is not a JitInput", e);
    }
  }

  /** Reads an output this engine wrote (stored sessions, hybrid comparisons). */
  public static JitOutput readOutput(String json) {
    try {
      return Shared.MAPPER.readValue(json, JitOutput.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("stored output is not a JitOutput", e);
    }
  }

  private static ObjectMapper build() {
    JsonMapper mapper =
        JsonMapper.builder(parserFactory(true))
            .addModule(new JavaTimeModule())
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // An enum is its wire name: 0 is not "squat".
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    mapper
        .coercionConfigDefaults()
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }
}

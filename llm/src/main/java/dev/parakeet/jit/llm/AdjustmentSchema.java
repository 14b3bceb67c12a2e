package dev.parakeet.jit.llm;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.parakeet.jit.engine.model.CodePoints;
import dev.parakeet.jit.engine.model.WireEnum;
import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.wire.JitJson;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire schema of a model's answer, derived from {@link JitAdjustment} — its Jakarta bounds
 * are the single source of truth. Every property is required and no other is allowed; the bounds
 * travel only in descriptions, because providers reject {@code minimum}/{@code maximum} keywords
 * in structured-output schemas (STACK.md). They are validated locally after parsing.
 */
final class AdjustmentSchema {

  static final String NAME = "jit_adjustment";
  static final String TOOL_NAME = "submit_adjustment";

  private final JsonObjectSchema root;
  private final Map<String, String> bounds = new LinkedHashMap<>();

  AdjustmentSchema() {
    this.root = objectSchema(JitAdjustment.class, "");
  }

  JsonObjectSchema root() {
    return root;
  }

  /** Native JSON-schema mode (Anthropic {@code output_config.format}, OpenAI strict {@code response_format}). */
  ResponseFormat responseFormat() {
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(JsonSchema.builder().name(NAME).rootElement(root).build())
        .build();
  }

  /**
   * The same schema as raw JSON, with {@code additionalProperties: false} on every object, for
   * providers whose client would otherwise drop it (Ollama's {@code format}).
   */
  ResponseFormat rawResponseFormat() {
    String json = JitJson.write(JsonSchemaElementUtils.toMap(root, true));
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(
            JsonSchema.builder().name(NAME).rootElement(JsonRawSchema.from(json)).build())
        .build();
  }

  /** The forced tool whose parameters are the schema, for models without a native mode. */
  ToolSpecification tool() {
    return ToolSpecification.builder()
        .name(TOOL_NAME)
        .description("Submit today's adjustment of the programmed session.")
        .parameters(root)
        .build();
  }

  /** {@code path → "between 0.40 and 1.20"} for every bounded property, for the system prompt. */
  Map<String, String> bounds() {
    return bounds;
  }

  private JsonObjectSchema objectSchema(Class<?> type, String prefix) {
    JsonObjectSchema.Builder object = JsonObjectSchema.builder().additionalProperties(false);
    List<String> required = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      Field field = field(type, component.getName());
      String path = prefix + component.getName();
      String bound = describeBound(field, component.getGenericType());
      String elementBound = elementBound(field);
      if (elementBound != null) {
        bound = bound == null ? elementBound : bound + "; " + elementBound;
      }
      if (bound != null) {
        bounds.put(path, bound);
      }
      JsonPropertyDescription meaning = field.getAnnotation(JsonPropertyDescription.class);
      String description =
          join(meaning == null ? null : meaning.value(), bound == null ? null : capitalise(bound) + ".");
      object.addProperty(component.getName(), element(component.getGenericType(), description, path + "[]."));
      required.add(component.getName());
    }
    return object.required(required).build();
  }

  private JsonSchemaElement element(Type type, String description, String itemPrefix) {
    Class<?> raw = raw(type);
    if (raw == Double.class || raw == double.class || raw == Float.class) {
      return JsonNumberSchema.builder().description(description).build();
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class) {
      return JsonIntegerSchema.builder().description(description).build();
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return JsonBooleanSchema.builder().description(description).build();
    }
    if (raw == String.class) {
      return JsonStringSchema.builder().description(description).build();
    }
    if (raw.isEnum()) {
      List<String> values =
          Arrays.stream(raw.getEnumConstants()).map(c -> ((WireEnum) c).wire()).toList();
      return JsonEnumSchema.builder().enumValues(values).description(description).build();
    }
    if (List.class.isAssignableFrom(raw)) {
      Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
      return JsonArraySchema.builder()
          .items(element(item, null, itemPrefix))
          .description(description)
          .build();
    }
    if (raw.isRecord()) {
      JsonObjectSchema nested = objectSchema(raw, itemPrefix);
      return description == null ? nested : nested.toBuilder().description(description).build();
    }
    throw new IllegalStateException("no schema for " + type);
  }

  /** The bound of a value or list, from its Jakarta annotations, in words. */
  private static String describeBound(AnnotatedElement element, Type type) {
    DecimalMin dmin = element.getAnnotation(DecimalMin.class);
    DecimalMax dmax = element.getAnnotation(DecimalMax.class);
    if (dmin != null && dmax != null) {
      return "a number between " + dmin.value() + " and " + dmax.value();
    }
    Min min = element.getAnnotation(Min.class);
    Max max = element.getAnnotation(Max.class);
    if (min != null && max != null) {
      return "an integer between " + min.value() + " and " + max.value();
    }
    Size size = element.getAnnotation(Size.class);
    if (size != null) {
      String unit = raw(type) == String.class ? " characters" : " items";
      return size.min() > 0 ? size.min() + " to " + size.max() + unit : "at most " + size.max() + unit;
    }
    CodePoints text = element.getAnnotation(CodePoints.class);
    if (text != null) {
      return text.min() > 0 ? text.min() + " to " + text.max() + " characters" : "at most " + text.max() + " characters";
    }
    return null;
  }

  /** The bound of a list's elements ({@code List<@Size(max = 200) String>}), in words. */
  private static String elementBound(Field field) {
    AnnotatedType annotated = field.getAnnotatedType();
    if (!(annotated instanceof AnnotatedParameterizedType parameterized)) {
      return null;
    }
    AnnotatedType item = parameterized.getAnnotatedActualTypeArguments()[0];
    String bound = describeBound(item, item.getType());
    return bound == null ? null : "each " + bound;
  }

  private static Field field(Class<?> type, String name) {
    try {
      return type.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("record " + type.getSimpleName() + " has no field " + name, e);
    }
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  private static String join(String first, String second) {
    if (first == null) {
      return second;
    }
    return second == null ? first : first + " " + second;
  }

  private static String capitalise(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}

package dev.parakeet.jit.wire;

import com.fasterxml.jackson.annotation.JacksonAnnotation;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.parakeet.jit.engine.model.WireEnum;
import dev.parakeet.jit.wire.Bounds.Kind;
import dev.parakeet.jit.wire.ContainerReaders.EnumMapReader;
import dev.parakeet.jit.wire.ContainerReaders.ListReader;
import dev.parakeet.jit.wire.RecordReaders.RecordReader;
import dev.parakeet.jit.wire.RecordReaders.SubtypeReader;
import dev.parakeet.jit.wire.ScalarReaders.BooleanReader;
import dev.parakeet.jit.wire.ScalarReaders.DecimalReader;
import dev.parakeet.jit.wire.ScalarReaders.EnumReader;
import dev.parakeet.jit.wire.ScalarReaders.IntegerReader;
import dev.parakeet.jit.wire.ScalarReaders.TextReader;
import dev.parakeet.jit.wire.ScalarReaders.Unsupported;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the streaming binder's readers from the engine's records, once: JSON names and unknown-field
 * rules from their Jackson annotations, bounds from their Jakarta annotations ({@link Bounds}), the
 * same annotations the thorough path binds and validates with. Whatever it does not fully
 * understand (another annotation, another kind of type) becomes an {@link Unsupported} reader, so
 * documents that use it are decided by the thorough path: the streaming binder may be narrower than
 * the thorough path, never looser. {@link #unsupported()} lists what it left out.
 */
final class ReaderCompiler {

  /** Jackson annotations on a record or component that change nothing about reading it. */
  private static final Set<Class<? extends Annotation>> HARMLESS =
      Set.of(JsonProperty.class, JsonPropertyDescription.class, JsonAnySetter.class, JsonAnyGetter.class,
          JsonIgnoreProperties.class, JsonInclude.class, JsonPropertyOrder.class);

  private final Map<Class<?>, RecordShape> shapes = new HashMap<>();
  private final List<String> unsupported = new ArrayList<>();

  /** What the readers built so far leave to the thorough path, and why; empty when nothing. */
  List<String> unsupported() {
    return List.copyOf(unsupported);
  }

  /** How to read a whole document of record type {@code type}, or null when it cannot be read here. */
  RecordShape document(Class<?> type) {
    if (!type.isRecord()) {
      unsupported.add(type.getSimpleName() + ": not a record");
      return null;
    }
    return shape(type, type.getSimpleName());
  }

  private ValueReader reader(Type type, AnnotatedType annotated, Annotation[] annotations, String where) {
    Bounds bounds = Bounds.of(annotations);
    if (!bounds.understood()) {
      return unsupported(where, "a constraint the streaming binder does not know");
    }
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return bounds.onlyOfKinds(Kind.TEXT, Kind.SIZE) ? new TextReader(bounds) : mismatch(where);
    }
    if (raw == Integer.class) {
      return bounds.onlyOfKinds(Kind.INTEGER) ? new IntegerReader(bounds) : mismatch(where);
    }
    if (raw == Double.class) {
      return bounds.onlyOfKinds(Kind.DECIMAL) ? new DecimalReader(bounds) : mismatch(where);
    }
    if (raw == Boolean.class) {
      return bounds.onlyOfKinds() ? new BooleanReader(bounds) : mismatch(where);
    }
    if (raw.isEnum() && WireEnum.class.isAssignableFrom(raw) && plainEnum(raw)) {
      return bounds.onlyOfKinds() ? new EnumReader(raw, bounds) : mismatch(where);
    }
    if (raw == List.class && type instanceof ParameterizedType) {
      if (!bounds.onlyOfKinds(Kind.SIZE)) {
        return mismatch(where);
      }
      AnnotatedType elementType = annotatedArgument(annotated, 0);
      ValueReader element = reader(typeArgument(type, 0), elementType, annotationsOf(elementType), where + "[]");
      return new ListReader(element, bounds);
    }
    if (raw == Map.class && type instanceof ParameterizedType) {
      Class<?> key = raw(typeArgument(type, 0));
      if (!(key.isEnum() && WireEnum.class.isAssignableFrom(key) && plainEnum(key)) || !bounds.onlyOfKinds(Kind.SIZE)) {
        return unsupported(where, "a map that is not keyed by a wire enumeration");
      }
      AnnotatedType valueType = annotatedArgument(annotated, 1);
      ValueReader value = reader(typeArgument(type, 1), valueType, annotationsOf(valueType), where + ".*");
      return new EnumMapReader(key, value, bounds);
    }
    if (raw.isRecord()) {
      if (!bounds.onlyOfKinds()) {
        return mismatch(where);
      }
      RecordShape shape = shape(raw, where);
      return shape == null ? unsupported(where, "an unsupported record") : new RecordReader(shape, bounds);
    }
    if (raw.isInterface() && raw.isAnnotationPresent(JsonTypeInfo.class)) {
      return bounds.onlyOfKinds() ? subtypes(raw, bounds, where) : mismatch(where);
    }
    return unsupported(where, "type " + type.getTypeName());
  }

  private ValueReader subtypes(Class<?> base, Bounds bounds, String where) {
    JsonTypeInfo info = base.getAnnotation(JsonTypeInfo.class);
    JsonSubTypes listed = base.getAnnotation(JsonSubTypes.class);
    if (info.use() != JsonTypeInfo.Id.NAME
        || info.include() != JsonTypeInfo.As.PROPERTY
        || info.property().isEmpty()
        || info.visible()
        || info.defaultImpl() != JsonTypeInfo.class
        || listed == null
        || !onlyHarmless(base, JsonTypeInfo.class, JsonSubTypes.class)) {
      return unsupported(where, "a type id the streaming binder does not read");
    }
    Map<String, RecordShape> subtypes = new HashMap<>();
    for (JsonSubTypes.Type subtype : listed.value()) {
      RecordShape shape = subtype.value().isRecord() ? shape(subtype.value(), where) : null;
      if (subtype.name().isEmpty() || subtype.names().length > 0 || shape == null
          || shape.declares(info.property())) {
        return unsupported(where, "subtype " + subtype.value().getSimpleName());
      }
      subtypes.put(subtype.name(), shape);
    }
    return new SubtypeReader(info.property(), subtypes, bounds);
  }

  /** The shape of a record type, or null when the streaming binder cannot read it. */
  private RecordShape shape(Class<?> type, String where) {
    if (shapes.containsKey(type)) {
      return shapes.get(type);
    }
    shapes.put(type, null); // a record that contains itself is not read here
    RecordShape shape = buildShape(type, where);
    shapes.put(type, shape);
    return shape;
  }

  private RecordShape buildShape(Class<?> type, String where) {
    if (!Modifier.isPublic(type.getModifiers())
        || !onlyHarmless(type)
        || hasCreator(type)
        || hasConstraint(type)) {
      // The wire mapper declares no mix-ins (JitJson; a test keeps it so), so the annotations
      // read here are all there is.
      unsupported.add(where + ": record " + type.getSimpleName() + " has annotations the streaming binder does not read");
      return null;
    }
    JsonIgnoreProperties ignore = type.getAnnotation(JsonIgnoreProperties.class);
    RecordComponent[] components = type.getRecordComponents();
    String[] names = new String[components.length];
    ValueReader[] readers = new ValueReader[components.length];
    Class<?>[] parameterTypes = new Class<?>[components.length];
    int extrasSlot = -1;
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      parameterTypes[i] = component.getType();
      Field field = field(type, component.getName());
      if (field == null || component.getType().isPrimitive() || !onlyHarmless(field)) {
        unsupported.add(where + "." + component.getName() + ": not read by the streaming binder");
        return null;
      }
      if (field.isAnnotationPresent(JsonAnySetter.class)) {
        if (extrasSlot >= 0 || component.getType() != Map.class) {
          unsupported.add(where + "." + component.getName() + ": an any-setter that is not one Map");
          return null;
        }
        extrasSlot = i;
        continue;
      }
      JsonProperty property = field.getAnnotation(JsonProperty.class);
      if (property != null && (property.required() || property.access() != JsonProperty.Access.AUTO
          || !property.defaultValue().isEmpty())) {
        unsupported.add(where + "." + component.getName() + ": a @JsonProperty option the streaming binder does not read");
        return null;
      }
      names[i] = property != null && !property.value().isEmpty() ? property.value() : component.getName();
      AnnotatedType annotated = field.getAnnotatedType(); // parsed afresh on every call
      readers[i] = reader(component.getGenericType(), annotated,
          merge(field.getDeclaredAnnotations(), annotated.getDeclaredAnnotations()),
          where + "." + names[i]);
    }
    Set<String> ignored = new HashSet<>();
    if (ignore != null) {
      ignored.addAll(Arrays.asList(ignore.value()));
    }
    // A field named like the any-setter's map itself: how Jackson treats it is not this class's guess.
    Set<String> undecided = extrasSlot >= 0 ? Set.of(components[extrasSlot].getName()) : Set.of();
    RecordShape.Unknown unknown =
        extrasSlot >= 0
            ? RecordShape.Unknown.KEEP
            : ignore != null && ignore.ignoreUnknown() ? RecordShape.Unknown.IGNORE : RecordShape.Unknown.REJECT;
    return new RecordShape(
        names, readers, ignored, undecided, unknown, extrasSlot, constructor(type, parameterTypes));
  }

  private static Constructor<?> constructor(Class<?> type, Class<?>[] parameterTypes) {
    try {
      return type.getConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no public canonical constructor for " + type, e);
    }
  }

  /**
   * Jackson picks a {@code @JsonCreator} over the canonical constructor. Only constructors and
   * static methods can be creators, so only their annotations are read: an accessor carries its
   * component's annotations, and reading those for nothing was a fifth of building the readers.
   */
  private static boolean hasCreator(Class<?> type) {
    for (Executable constructor : type.getDeclaredConstructors()) {
      if (constructor.isAnnotationPresent(JsonCreator.class)) {
        return true;
      }
    }
    for (Executable method : type.getDeclaredMethods()) {
      if (Modifier.isStatic(method.getModifiers()) && method.isAnnotationPresent(JsonCreator.class)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasConstraint(Class<?> type) {
    for (Annotation annotation : type.getAnnotations()) {
      if (isConstraint(annotation)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every Jackson annotation on {@code element} is one that changes nothing about reading. */
  @SafeVarargs
  private static boolean onlyHarmless(java.lang.reflect.AnnotatedElement element, Class<? extends Annotation>... alsoAllowed) {
    Set<Class<?>> allowed = new HashSet<>(HARMLESS);
    for (Class<? extends Annotation> type : alsoAllowed) {
      allowed.add(type);
    }
    for (Annotation annotation : element.getAnnotations()) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (type.isAnnotationPresent(JacksonAnnotation.class) && !allowed.contains(type)) {
        return false;
      }
    }
    return true;
  }

  /** Enum constants named by {@code wire()} alone: no Jackson annotation of their own. */
  private static boolean plainEnum(Class<?> type) {
    if (!onlyHarmless(type)) {
      return false;
    }
    for (Field constant : type.getFields()) {
      if (constant.isEnumConstant() && !onlyHarmless(constant)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isConstraint(Annotation annotation) {
    return annotation.annotationType().isAnnotationPresent(jakarta.validation.Constraint.class);
  }

  private static Field field(Class<?> type, String name) {
    try {
      return type.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static Annotation[] merge(Annotation[] declared, Annotation[] onType) {
    Map<Class<?>, Annotation> all = new LinkedHashMap<>();
    for (Annotation annotation : declared) {
      all.put(annotation.annotationType(), annotation);
    }
    for (Annotation annotation : onType) {
      all.putIfAbsent(annotation.annotationType(), annotation);
    }
    return all.values().toArray(new Annotation[0]);
  }

  private static Annotation[] annotationsOf(AnnotatedType annotated) {
    return annotated == null ? new Annotation[0] : annotated.getDeclaredAnnotations();
  }

  private static AnnotatedType annotatedArgument(AnnotatedType annotated, int index) {
    return annotated instanceof AnnotatedParameterizedType parameterized
        ? parameterized.getAnnotatedActualTypeArguments()[index]
        : null;
  }

  private static Type typeArgument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class; // wildcards and type variables: unsupported below
  }

  private ValueReader mismatch(String where) {
    return unsupported(where, "constraints that do not apply to its type");
  }

  private ValueReader unsupported(String where, String why) {
    unsupported.add(where + ": " + why);
    return new Unsupported(why);
  }
}

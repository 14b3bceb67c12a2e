package dev.parakeet.jit.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the streaming binder reads one record type: its JSON field names, a reader per component,
 * what happens to fields it does not know, and its canonical constructor. Built once per type by
 * {@link ReaderCompiler} from the record's Jackson and Jakarta annotations.
 */
final class RecordShape {

  /** What a field the record does not declare means. */
  enum Unknown {
    /** An error ({@code FAIL_ON_UNKNOWN_PROPERTIES}): the thorough path names it. */
    REJECT,
    /** Ignored ({@code @JsonIgnoreProperties(ignoreUnknown = true)}), but still checked. */
    IGNORE,
    /** Kept in the {@code @JsonAnySetter} map. */
    KEEP
  }

  private final Map<String, Integer> slots = new HashMap<>();
  private final String[] names;
  private final ValueReader[] readers;
  private final Set<String> ignored;
  private final Set<String> undecided;
  private final Unknown unknown;
  private final int extrasSlot;
  private final long requiredMask;
  private final Constructor<?> constructor;

  /**
   * @param names the JSON name of each component, in constructor order (null for the extras slot)
   * @param readers a reader per component (null for the extras slot)
   * @param ignored fields dropped whatever the unknown-field rule ({@code @JsonIgnoreProperties})
   * @param undecided fields this binder leaves to the thorough path
   * @param constructor the canonical constructor
   */
  RecordShape(
      String[] names, ValueReader[] readers, Set<String> ignored, Set<String> undecided, Unknown unknown,
      int extrasSlot, Constructor<?> constructor) {
    if (names.length >= Long.SIZE) {
      throw new IllegalArgumentException("too many components for one bit each: " + names.length);
    }
    long required = 0;
    this.names = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      if (names[i] != null) {
        this.names[i] = names[i].intern();
        slots.put(names[i], i);
        if (!readers[i].optional()) {
          required |= 1L << i;
        }
      }
    }
    this.readers = readers;
    this.ignored = Set.copyOf(ignored);
    this.undecided = Set.copyOf(undecided);
    this.unknown = unknown;
    this.extrasSlot = extrasSlot;
    this.requiredMask = required;
    this.constructor = constructor;
  }

  /** Whether {@code name} is one of the record's own fields. */
  boolean declares(String name) {
    return slots.containsKey(name);
  }

  /**
   * Reads the fields of an object whose start the parser has passed, up to and including its end,
   * and builds the record. {@code taken} is a field already consumed by the caller (a type id), or
   * null: it may not appear again. The names of fields kept in the any-setter map are added to
   * {@code kept} in document order, when it is not null.
   */
  Object readFields(JsonParser parser, String taken, List<String> kept) throws IOException {
    Object[] arguments = new Object[readers.length];
    long seen = 0;
    Set<String> others = null;
    List<String> keptNames = null;
    List<Object> keptValues = null;
    int expected = 0; // clients send the fields in one order: try the next one before the map
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      int slot = expected < names.length && name.equals(names[expected]) ? expected : slotOf(name);
      if (slot >= 0) {
        expected = slot + 1;
        long bit = 1L << slot;
        if ((seen & bit) != 0) {
          throw Detour.INSTANCE; // a duplicate key: a syntax error on the thorough path
        }
        seen |= bit;
        arguments[slot] = readers[slot].read(parser, value);
        continue;
      }
      if (others == null) {
        others = new HashSet<>();
      }
      if (name.equals(taken) || undecided.contains(name) || !others.add(name) || Text.loneSurrogateAt(name) >= 0) {
        throw Detour.INSTANCE;
      }
      if (unknown == Unknown.KEEP && !ignored.contains(name)) {
        if (keptNames == null) {
          keptNames = new ArrayList<>();
          keptValues = new ArrayList<>();
        }
        keptNames.add(name);
        keptValues.add(UntypedReader.INSTANCE.read(parser, value));
      } else if (unknown == Unknown.IGNORE || ignored.contains(name)) {
        UntypedReader.INSTANCE.read(parser, value); // read to be checked, then dropped
      } else {
        throw Detour.INSTANCE;
      }
    }
    if ((seen & requiredMask) != requiredMask) {
      throw Detour.INSTANCE;
    }
    if (extrasSlot >= 0) {
      arguments[extrasSlot] = keptMap(keptNames, keptValues);
      if (kept != null && keptNames != null) {
        kept.addAll(keptNames);
      }
    }
    return construct(arguments);
  }

  /**
   * The any-setter map exactly as Jackson builds it for a record, so that it iterates in the same
   * order (it is shown to the model in that order): a {@code HashMap}, filled in reverse document
   * order (Jackson buffers these fields, newest first, until the record is built).
   */
  private static Map<String, Object> keptMap(List<String> names, List<Object> values) {
    if (names == null) {
      return null;
    }
    HashMap<String, Object> map = new HashMap<>();
    for (int i = names.size() - 1; i >= 0; i--) {
      map.put(names.get(i), values.get(i));
    }
    return map;
  }

  private int slotOf(String name) {
    Integer slot = slots.get(name);
    return slot == null ? -1 : slot;
  }

  // Core reflection rather than a spread method handle: as fast once warm, and building a spreader
  // per record type made method-handle classes at every start (a third of building the readers).
  private Object construct(Object[] arguments) {
    try {
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error failure) {
        throw failure;
      }
      throw new IllegalStateException("record constructor failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("record constructor failed", e);
    }
  }
}

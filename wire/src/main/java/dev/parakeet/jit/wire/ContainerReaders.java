package dev.parakeet.jit.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.parakeet.jit.engine.model.WireEnum;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The streaming binder's readers of lists and of maps keyed by an enumeration. */
final class ContainerReaders {

  private ContainerReaders() {}

  /** A {@code List}: an array of elements, its size within {@code @Size}. */
  static final class ListReader implements ValueReader {
    private final ValueReader element;
    private final Bounds bounds;

    ListReader(ValueReader element, Bounds bounds) {
      this.element = element;
      this.bounds = bounds;
    }

    @Override
    public boolean optional() {
      return !bounds.required;
    }

    @Override
    public Object read(JsonParser parser, JsonToken token) throws IOException {
      if (token == JsonToken.START_ARRAY) {
        ArrayList<Object> list = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          list.add(element.read(parser, next));
        }
        if (list.size() < bounds.sizeMin || list.size() > bounds.sizeMax) {
          throw Detour.INSTANCE;
        }
        return list;
      }
      if (token == JsonToken.VALUE_NULL) {
        return ScalarReaders.absent(this);
      }
      throw Detour.INSTANCE;
    }
  }

  /**
   * A {@code Map} keyed by a {@link WireEnum}: an object whose keys are exact wire names, each at
   * most once, in document order (as the thorough path's {@code LinkedHashMap} keeps them).
   */
  static final class EnumMapReader implements ValueReader {
    private final Map<String, Enum<?>> keys = new HashMap<>();
    private final Enum<?>[] constants;
    private final String[] names;
    private final ValueReader value;
    private final Bounds bounds;

    EnumMapReader(Class<?> keyType, ValueReader value, Bounds bounds) {
      constants = (Enum<?>[]) keyType.getEnumConstants();
      names = new String[constants.length];
      for (Enum<?> constant : constants) {
        names[constant.ordinal()] = ((WireEnum) constant).wire().intern();
        keys.put(names[constant.ordinal()], constant);
      }
      if (keys.size() > Long.SIZE) {
        throw new IllegalArgumentException("too many keys for one bit each: " + keyType);
      }
      this.value = value;
      this.bounds = bounds;
    }

    @Override
    public boolean optional() {
      return !bounds.required;
    }

    @Override
    public Object read(JsonParser parser, JsonToken token) throws IOException {
      if (token == JsonToken.START_OBJECT) {
        LinkedHashMap<Object, Object> map = new LinkedHashMap<>();
        long seen = 0;
        int expected = 0; // clients list the keys in one order: try the next one before the map
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          Enum<?> key = expected < names.length && name.equals(names[expected]) ? constants[expected] : keys.get(name);
          if (key == null || (seen & (1L << key.ordinal())) != 0) {
            throw Detour.INSTANCE;
          }
          seen |= 1L << key.ordinal();
          expected = key.ordinal() + 1;
          map.put(key, value.read(parser, parser.nextToken()));
        }
        if (map.size() < bounds.sizeMin || map.size() > bounds.sizeMax) {
          throw Detour.INSTANCE;
        }
        return map;
      }
      if (token == JsonToken.VALUE_NULL) {
        return ScalarReaders.absent(this);
      }
      throw Detour.INSTANCE;
    }
  }
}

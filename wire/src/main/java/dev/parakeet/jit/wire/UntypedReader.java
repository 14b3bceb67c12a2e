package dev.parakeet.jit.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Values the wire format keeps without a type: unknown top-level fields (stored in the snapshot and
 * shown to the model) and the extra columns of disruption and log rows (ignored). Bound as
 * Jackson binds untyped values (maps, lists, {@code Integer}/{@code Long}, {@code Double}, strings,
 * booleans, null); every string and name must be valid Unicode and every number finite, as
 * everywhere else in a document.
 */
final class UntypedReader implements ValueReader {

  static final UntypedReader INSTANCE = new UntypedReader();

  private UntypedReader() {}

  @Override
  public boolean optional() {
    return true;
  }

  @Override
  public Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          if (map.containsKey(name) || Text.loneSurrogateAt(name) >= 0) {
            throw Detour.INSTANCE;
          }
          map.put(name, read(parser, parser.nextToken()));
        }
        return map;
      }
      case START_ARRAY -> {
        ArrayList<Object> list = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          list.add(read(parser, next));
        }
        return list;
      }
      case VALUE_STRING -> {
        String text = parser.getText();
        if (Text.loneSurrogateAt(text) >= 0) {
          throw Detour.INSTANCE;
        }
        return text;
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> Integer.valueOf(parser.getIntValue());
          case LONG -> Long.valueOf(parser.getLongValue());
          default -> throw Detour.INSTANCE;
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
          throw Detour.INSTANCE;
        }
        return value;
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw Detour.INSTANCE;
    }
  }
}

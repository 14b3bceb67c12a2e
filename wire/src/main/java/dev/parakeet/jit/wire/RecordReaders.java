package dev.parakeet.jit.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;

/** The streaming binder's readers of objects: a record, or one of a sealed family by its type id. */
final class RecordReaders {

  private RecordReaders() {}

  /** An object read into a record. */
  static final class RecordReader implements ValueReader {
    private final RecordShape shape;
    private final boolean required;

    RecordReader(RecordShape shape, Bounds bounds) {
      this.shape = shape;
      this.required = bounds.required;
    }

    @Override
    public boolean optional() {
      return !required;
    }

    @Override
    public Object read(JsonParser parser, JsonToken token) throws IOException {
      if (token == JsonToken.START_OBJECT) {
        return shape.readFields(parser, null, null);
      }
      if (token == JsonToken.VALUE_NULL) {
        return ScalarReaders.absent(this);
      }
      throw Detour.INSTANCE;
    }
  }

  /**
   * A sealed interface with a type id property ({@code @JsonTypeInfo(use = NAME)}), such as the
   * warm-up protocol's {@code "type"}. The id must come first, as every client sends it; a document
   * that puts it later is left to the thorough path, which accepts it anywhere.
   */
  static final class SubtypeReader implements ValueReader {
    private final String property;
    private final Map<String, RecordShape> subtypes;
    private final boolean required;

    SubtypeReader(String property, Map<String, RecordShape> subtypes, Bounds bounds) {
      this.property = property;
      this.subtypes = Map.copyOf(subtypes);
      this.required = bounds.required;
    }

    @Override
    public boolean optional() {
      return !required;
    }

    @Override
    public Object read(JsonParser parser, JsonToken token) throws IOException {
      if (token == JsonToken.START_OBJECT) {
        if (parser.nextToken() != JsonToken.FIELD_NAME
            || !property.equals(parser.currentName())
            || parser.nextToken() != JsonToken.VALUE_STRING) {
          throw Detour.INSTANCE;
        }
        RecordShape subtype = subtypes.get(parser.getText());
        if (subtype == null) {
          throw Detour.INSTANCE;
        }
        return subtype.readFields(parser, property, null);
      }
      if (token == JsonToken.VALUE_NULL) {
        return ScalarReaders.absent(this);
      }
      throw Detour.INSTANCE;
    }
  }
}

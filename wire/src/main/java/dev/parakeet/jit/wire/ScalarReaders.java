package dev.parakeet.jit.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import dev.parakeet.jit.engine.model.WireEnum;
import java.io.IOException;

/**
 * The streaming binder's readers of single values. Each accepts exactly the JSON the thorough
 * path binds without complaint (no coercion: a string is never a number, a fraction never an
 * integer, a number never an enum) and checks its bounds; anything else is a {@link Detour}.
 */
final class ScalarReaders {

  private ScalarReaders() {}

  /** null where the value is optional; a detour where it is required. */
  static Object absent(ValueReader reader) {
    if (reader.optional()) {
      return null;
    }
    throw Detour.INSTANCE;
  }

  /** A string: valid Unicode, and the string rules its bounds declare (SPEC §1.2). */
  static final class TextReader implements ValueReader {
    private final Bounds bounds;

    TextReader(Bounds bounds) {
      this.bounds = bounds;
    }

    @Override
    public boolean optional() {
      return !bounds.required;
    }

    @Override
    public Object read(JsonParser parser, JsonToken token) throws IOException {
      if (token == JsonToken.VALUE_STRING) {
        String text = parser.getText();
        check(text);
        return text;
      }
      if (token == JsonToken.VALUE_NULL) {
        return absent(this);
      }
      throw Detour.INSTANCE;
    }

    private void check(String text) {
      int length = text.length();
      boolean surrogates = false;
      for (int i = 0; i < length; i++) {
        char c = text.charAt(i);
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
          if (bounds.noControlCharacters) {
            throw Detour.INSTANCE;
          }
        } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
          surrogates = true;
        }
      }
      if (surrogates && Text.loneSurrogateAt(text) >= 0) {
        throw Detour.INSTANCE;
      }
      if (bounds.notBlank && Text.isBlank(text)) {
        throw Detour.INSTANCE;
      }
      if (length < bounds.sizeMin || length > bounds.sizeMax) {
        throw Detour.INSTANCE;
      }
      // A string has at most as many code points as UTF-16 units, and fewer only with surrogates.
      if (length > bounds.codePointsMax || (surrogates && bounds.codePointsMin > 0) || length < bounds.codePointsMin) {
        int codePoints = Text.codePoints(text);
        if (codePoints < bounds.codePointsMin || codePoints > bounds.codePointsMax) {
          throw Detour.INSTANCE;
        }
      }
    }
  }

  /** An {@code Integer}: a JSON integer within an int, within {@code @Min}/{@code @Max}. */
  static final class IntegerReader implements ValueReader {
    private final boolean required;
    private final long min;
    private final long max;

    IntegerReader(Bounds bounds) {
      this.required = bounds.required;
      this.min = bounds.min;
      this.max = bounds.max;
    }

    @Override
    public boolean optional() {
      return !required;
    }

    @Override
    public Object read(JsonParser parser, JsonToken token) throws IOException {
      if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == NumberType.INT) {
        int value = parser.getIntValue();
        if (value < min || value > max) {
          throw Detour.INSTANCE;
        }
        return value;
      }
      if (token == JsonToken.VALUE_NULL) {
        return absent(this);
      }
      throw Detour.INSTANCE;
    }
  }

  /** A {@code Double}: a finite JSON number within {@code @DecimalMin}/{@code @DecimalMax}. */
  static final class DecimalReader implements ValueReader {
    private final boolean required;
    private final Bounds.DecimalBound min;
    private final Bounds.DecimalBound max;

    DecimalReader(Bounds bounds) {
      this.required = bounds.required;
      this.min = bounds.decimalMin;
      this.max = bounds.decimalMax;
    }

    @Override
    public boolean optional() {
      return !required;
    }

    @Override
    public Object read(JsonParser parser, JsonToken token) throws IOException {
      double value;
      if (token == JsonToken.VALUE_NUMBER_FLOAT) {
        value = Decimals.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (Double.isNaN(value)) {
          value = parser.getDoubleValue();
        }
      } else if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != NumberType.BIG_INTEGER) {
        value = parser.getDoubleValue();
      } else if (token == JsonToken.VALUE_NULL) {
        return absent(this);
      } else {
        throw Detour.INSTANCE;
      }
      if (!Double.isFinite(value)
          || (min != null && !min.admits(value))
          || (max != null && !max.admits(value))) {
        throw Detour.INSTANCE;
      }
      return value;
    }
  }

  /** A {@code Boolean}: {@code true} or {@code false}. */
  static final class BooleanReader implements ValueReader {
    private final boolean required;

    BooleanReader(Bounds bounds) {
      this.required = bounds.required;
    }

    @Override
    public boolean optional() {
      return !required;
    }

    @Override
    public Object read(JsonParser parser, JsonToken token) {
      if (token == JsonToken.VALUE_TRUE) {
        return Boolean.TRUE;
      }
      if (token == JsonToken.VALUE_FALSE) {
        return Boolean.FALSE;
      }
      if (token == JsonToken.VALUE_NULL) {
        return absent(this);
      }
      throw Detour.INSTANCE;
    }
  }

  /** A {@link WireEnum} constant by its exact wire name, matched without making a string. */
  static final class EnumReader implements ValueReader {
    private final boolean required;
    private final Object[] constants;
    private final char[][] names;

    EnumReader(Class<?> type, Bounds bounds) {
      this.required = bounds.required;
      this.constants = type.getEnumConstants();
      this.names = new char[constants.length][];
      for (int i = 0; i < constants.length; i++) {
        names[i] = ((WireEnum) constants[i]).wire().toCharArray();
      }
    }

    @Override
    public boolean optional() {
      return !required;
    }

    @Override
    public Object read(JsonParser parser, JsonToken token) throws IOException {
      if (token == JsonToken.VALUE_STRING) {
        char[] text = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        for (int i = 0; i < names.length; i++) {
          if (matches(names[i], text, offset, length)) {
            return constants[i];
          }
        }
        throw Detour.INSTANCE;
      }
      if (token == JsonToken.VALUE_NULL) {
        return absent(this);
      }
      throw Detour.INSTANCE;
    }

    private static boolean matches(char[] name, char[] text, int offset, int length) {
      if (name.length != length) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        if (name[i] != text[offset + i]) {
          return false;
        }
      }
      return true;
    }
  }

  /** A value whose type or bounds the streaming binder does not handle: always the thorough path. */
  static final class Unsupported implements ValueReader {
    final String why;

    Unsupported(String why) {
      this.why = why;
    }

    @Override
    public boolean optional() {
      return false;
    }

    @Override
    public Object read(JsonParser parser, JsonToken token) {
      throw Detour.INSTANCE;
    }
  }
}

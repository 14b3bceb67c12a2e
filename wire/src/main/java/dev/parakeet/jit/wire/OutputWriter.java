package dev.parakeet.jit.wire;

import dev.parakeet.jit.engine.model.AppliedConstraint;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.Comparison;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.RepsRange;
import dev.parakeet.jit.engine.model.WarmupSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes a {@link JitOutput} as JSON, character for character what the wire format's Jackson mapper
 * writes (field order, omitted nulls, string escapes, {@code Double.toString} numbers, ISO instants)
 * at a fraction of its cost: no serializer lookup, no generator, numbers on the quarter-kilogram
 * grid formatted once. The output records are the wire format, so they are few and fixed, and
 * they and the mapper are fixed when the jar is built: {@code OutputWriterTest} checks, against
 * Jackson's own serializers and on thousands of outputs, that it writes what Jackson writes (a
 * field added to an output record fails the build), rather than every process at start-up.
 */
final class OutputWriter {

  /** Quarter kilograms up to this many keep their formatted number. */
  private static final int REMEMBERED_QUARTERS = 4000;

  /** Racy on purpose: two threads may both fill a slot, with equal immutable strings. */
  private static final String[] QUARTERS = new String[REMEMBERED_QUARTERS + 1];

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Each thread writes into its own buffers, reused from one output to the next. */
  private static final ThreadLocal<Chars> BUFFERS = ThreadLocal.withInitial(Chars::new);

  private static final ThreadLocal<Utf8> UTF8_BUFFERS = ThreadLocal.withInitial(Utf8::new);

  private final Sink out;

  private OutputWriter(Sink out) {
    this.out = out;
  }

  static String write(JitOutput output) {
    Chars buffer = BUFFERS.get();
    buffer.clear();
    new OutputWriter(buffer).output(output);
    String text = buffer.text();
    buffer.shrink();
    return text;
  }

  /** A session's main sets ({@link JitOutput#mainLiftSets}), as the mapper writes the list. */
  static String writePlannedSets(List<PlannedSet> sets) {
    Chars buffer = BUFFERS.get();
    buffer.clear();
    new OutputWriter(buffer).plannedSets(sets);
    String text = buffer.text();
    buffer.shrink();
    return text;
  }

  /**
   * The UTF-8 bytes of {@link #write}'s text, as {@code write(output).getBytes(UTF_8)} gives them,
   * written as bytes directly: for a caller that sends the output on as bytes (a batch's lines).
   */
  static byte[] writeUtf8(JitOutput output) {
    Utf8 buffer = UTF8_BUFFERS.get();
    buffer.clear();
    new OutputWriter(buffer).output(output);
    byte[] bytes = buffer.bytes();
    buffer.shrink();
    return bytes;
  }

  private void output(JitOutput o) {
    out.append('{');
    boolean first = true;
    if (o.sessionId() != null) {
      first = name("sessionId", first);
      string(o.sessionId());
    }
    if (o.generatedAt() != null) {
      first = name("generatedAt", first);
      instant(o.generatedAt());
    }
    name("mainLiftSets", first);
    plannedSets(o.mainLiftSets());
    name("warmupSets", false);
    warmupSets(o.warmupSets());
    name("auxiliaryWork", false);
    auxiliaryWork(o.auxiliaryWork());
    name("volumeModifier", false);
    number(o.volumeModifier());
    name("intensityModifier", false);
    number(o.intensityModifier());
    name("rationale", false);
    strings(o.rationale());
    name("warnings", false);
    strings(o.warnings());
    name("skippedMainLift", false);
    out.append(o.skippedMainLift());
    JitStrategy strategy = o.jitStrategy();
    if (strategy != null) {
      name("jit_strategy", false);
      string(strategy.wire());
    }
    name("constraintsApplied", false);
    constraints(o.constraintsApplied());
    if (o.fallbackReason() != null) {
      name("fallbackReason", false);
      string(o.fallbackReason());
    }
    if (o.confidence() != null) {
      name("confidence", false);
      string(o.confidence().wire());
    }
    if (o.comparison() != null) {
      name("comparison", false);
      comparison(o.comparison());
    }
    out.append('}');
  }

  private void plannedSets(List<PlannedSet> sets) {
    out.append('[');
    for (int i = 0; i < sets.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      PlannedSet set = sets.get(i);
      if (set == null) {
        out.append("null");
        continue;
      }
      out.append("{\"set_number\":").append(set.setNumber());
      out.append(",\"weight_kg\":");
      number(set.weightKg());
      out.append(",\"reps\":").append(set.reps());
      out.append(",\"rpe_target\":");
      number(set.rpeTarget());
      RepsRange range = set.repsRange();
      if (range != null) {
        out.append(",\"reps_range\":[").append(range.min()).append(',').append(range.max()).append(']');
      }
      out.append('}');
    }
    out.append(']');
  }

  private void warmupSets(List<WarmupSet> sets) {
    out.append('[');
    for (int i = 0; i < sets.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      WarmupSet set = sets.get(i);
      if (set == null) {
        out.append("null");
        continue;
      }
      out.append("{\"setNumber\":").append(set.setNumber());
      out.append(",\"weightKg\":");
      number(set.weightKg());
      out.append(",\"displayWeight\":");
      string(set.displayWeight());
      out.append(",\"reps\":").append(set.reps());
      out.append(",\"isWarmup\":").append(set.isWarmup()).append('}');
    }
    out.append(']');
  }

  private void auxiliaryWork(List<AuxiliaryWork> work) {
    out.append('[');
    for (int i = 0; i < work.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      AuxiliaryWork aux = work.get(i);
      if (aux == null) {
        out.append("null");
        continue;
      }
      out.append('{');
      boolean first = true;
      if (aux.exercise() != null) {
        first = name("exercise", first);
        string(aux.exercise());
      }
      name("sets", first);
      plannedSets(aux.sets());
      out.append(",\"skipped\":").append(aux.skipped());
      if (aux.skipReason() != null) {
        name("skipReason", false);
        string(aux.skipReason());
      }
      out.append('}');
    }
    out.append(']');
  }

  private void constraints(List<AppliedConstraint> constraints) {
    out.append('[');
    for (int i = 0; i < constraints.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      AppliedConstraint constraint = constraints.get(i);
      if (constraint == null) {
        out.append("null");
        continue;
      }
      ConstraintRule rule = constraint.rule();
      out.append("{\"rule\":");
      if (rule == null) {
        out.append("null");
      } else {
        string(rule.wire());
      }
      out.append(",\"detail\":");
      nullableString(constraint.detail());
      out.append('}');
    }
    out.append(']');
  }

  private void comparison(Comparison comparison) {
    out.append("{\"formulaOutput\":");
    if (comparison.formulaOutput() == null) {
      out.append("null");
    } else {
      output(comparison.formulaOutput());
    }
    out.append(",\"divergence\":");
    Divergence divergence = comparison.divergence();
    if (divergence == null) {
      out.append("null");
    } else {
      out.append("{\"weightPct\":");
      number(divergence.weightPct());
      out.append(",\"setDelta\":").append(divergence.setDelta());
      out.append(",\"summary\":");
      nullableString(divergence.summary());
      out.append('}');
    }
    out.append(",\"shouldSurfaceToUser\":").append(comparison.shouldSurfaceToUser()).append('}');
  }

  private void strings(List<String> values) {
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      nullableString(values.get(i));
    }
    out.append(']');
  }

  /** {@code "name":}, after a comma unless it is the object's first field; returns false. */
  private boolean name(String name, boolean first) {
    if (!first) {
      out.append(',');
    }
    out.append('"').append(name).append("\":");
    return false;
  }

  private void nullableString(String value) {
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
  }

  /** A JSON string as Jackson escapes it: quote, backslash and C0 controls; everything else as is. */
  private void string(String value) {
    out.append('"');
    int length = value.length();
    int start = 0;
    int i = 0;
    while (i < length && !escaped(value.charAt(i))) {
      i++;
    }
    if (i == length) {
      out.text(value, 0, length).append('"'); // the usual case: one copy of the whole string
      return;
    }
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (!escaped(c)) {
        continue;
      }
      out.text(value, start, i);
      start = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.text(value, start, length).append('"');
  }

  private static boolean escaped(char c) {
    return c < 0x20 || c == '"' || c == '\\';
  }

  /** {@code Double.toString}, as Jackson writes a double; non-finite values quoted, as Jackson does. */
  private void number(double value) {
    if (!Double.isFinite(value)) {
      out.append('"').append(Double.toString(value)).append('"');
      return;
    }
    out.append(toString(value));
  }

  /** {@link Double#toString(double)}, remembered for the quarter-kilogram grid (weights, RPE, 1.0). */
  static String toString(double value) {
    double quarters = value * 4;
    // Not -0.0: it prints with its sign.
    if (Double.doubleToRawLongBits(value) >= 0 && quarters <= REMEMBERED_QUARTERS && quarters == (int) quarters) {
      int slot = (int) quarters;
      String text = QUARTERS[slot];
      if (text == null) {
        text = Double.toString(value);
        QUARTERS[slot] = text;
      }
      return text;
    }
    return Double.toString(value);
  }

  /** The last second of year 9999: up to it, from 1970, the ISO form has a fixed four-digit year. */
  private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;

  /**
   * ISO-8601 as {@link Instant#toString} and the mapper's {@code InstantSerializer} write it
   * ({@code DateTimeFormatter.ISO_INSTANT}): seconds always, the fraction in groups of three
   * digits, as many as it needs. Written here for years 1970 to 9999 (every generation's
   * {@code generatedAt}), where the formatter's general machinery cost more than the rest of the
   * line's numbers; any other instant is left to the JDK.
   */
  private void instant(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds > LAST_FOUR_DIGIT_SECOND) {
      out.append('"').append(instant.toString()).append('"');
      return;
    }
    LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
    int time = (int) (seconds % 86_400);
    out.append('"');
    digits(date.getYear(), 4);
    out.append('-');
    digits(date.getMonthValue(), 2);
    out.append('-');
    digits(date.getDayOfMonth(), 2);
    out.append('T');
    digits(time / 3600, 2);
    out.append(':');
    digits(time / 60 % 60, 2);
    out.append(':');
    digits(time % 60, 2);
    int nano = instant.getNano();
    if (nano > 0) {
      out.append('.');
      if (nano % 1_000_000 == 0) {
        digits(nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        digits(nano / 1000, 6);
      } else {
        digits(nano, 9);
      }
    }
    out.append('Z').append('"');
  }

  /** {@code value} (not negative) in exactly {@code width} digits, zeros first. */
  private void digits(int value, int width) {
    for (int div = pow10(width - 1); div > 0; div /= 10) {
      out.append((char) ('0' + value / div % 10));
    }
  }

  private static int pow10(int exponent) {
    int power = 1;
    for (int i = 0; i < exponent; i++) {
      power *= 10;
    }
    return power;
  }

  /**
   * Where the writer's text goes. The writer appends ASCII only itself (names, punctuation,
   * numbers, escapes); {@link #text} carries a document's own characters, and each sink stores
   * them in its own form.
   */
  private abstract static class Sink {
    static final int INITIAL = 4096;
    static final int MAX_KEPT = 1 << 16;

    /** An ASCII character. */
    abstract Sink append(char c);

    /** ASCII text. */
    abstract Sink append(String ascii);

    /** {@code s[start, end)}, any characters, as they are. */
    abstract Sink text(String s, int start, int end);

    /** An int in decimal, without an intermediate string. */
    final Sink append(int value) {
      if (value < 0) {
        if (value == Integer.MIN_VALUE) {
          return append(Integer.toString(value));
        }
        append('-');
        value = -value;
      }
      return decimal(value, digits(value));
    }

    /** The {@code count} decimal digits of {@code value} (not negative). */
    abstract Sink decimal(int value, int count);

    final Sink append(boolean value) {
      return append(value ? "true" : "false");
    }

    /** How many decimal digits {@code value} (not negative) has. */
    static int digits(int value) {
      int digits = 1;
      for (int rest = value / 10; rest != 0; rest /= 10) {
        digits++;
      }
      return digits;
    }
  }

  /**
   * The text being written, in a char array that grows by doubling and is reused: one copy into
   * the final string (compacted to Latin-1 when it can be), where a {@code StringBuilder} would
   * also copy when it meets the first non-Latin-1 character of a rationale and again when it grows.
   */
  private static final class Chars extends Sink {
    private char[] buffer = new char[INITIAL];
    private int length;

    @Override
    Chars append(char c) {
      ensure(1);
      buffer[length++] = c;
      return this;
    }

    @Override
    Chars append(String s) {
      return text(s, 0, s.length());
    }

    @Override
    Chars text(String s, int start, int end) {
      ensure(end - start);
      s.getChars(start, end, buffer, length);
      length += end - start;
      return this;
    }

    @Override
    Chars decimal(int value, int count) {
      ensure(count);
      for (int i = length + count - 1; i >= length; i--) {
        buffer[i] = (char) ('0' + value % 10);
        value /= 10;
      }
      length += count;
      return this;
    }

    String text() {
      return new String(buffer, 0, length);
    }

    void clear() {
      length = 0;
    }

    /** A rare huge output does not keep its buffer for the thread's lifetime. */
    void shrink() {
      if (buffer.length > MAX_KEPT) {
        buffer = new char[INITIAL];
      }
    }

    private void ensure(int more) {
      if (length + more > buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
      }
    }
  }

  /**
   * The text being written, encoded as UTF-8 as it comes, into a reused byte array: exactly {@code
   * String.getBytes(UTF_8)} of what {@link Chars} holds (a surrogate pair is one four-byte
   * character, a lone surrogate becomes {@code '?'}), without making the string (an output's
   * rationale is not Latin-1: the string would be compacted in vain, copied to UTF-16, then encoded).
   */
  private static final class Utf8 extends Sink {
    private byte[] buffer = new byte[INITIAL];
    private char[] chars = new char[256];
    private int length;

    @Override
    Utf8 append(char c) {
      ensure(1);
      buffer[length++] = (byte) c;
      return this;
    }

    @Override
    @SuppressWarnings("deprecation") // the low byte of each char: exact for ASCII, and a plain copy
    Utf8 append(String ascii) {
      int n = ascii.length();
      ensure(n);
      ascii.getBytes(0, n, buffer, length);
      length += n;
      return this;
    }

    @Override
    Utf8 text(String s, int start, int end) {
      int n = end - start;
      ensure(n * 3); // at most three bytes per char (a pair: four for two)
      if (chars.length < n) {
        chars = new char[Math.max(n, chars.length * 2)];
      }
      // Copied out in one call, then read from the array: charAt checks its index on every call.
      char[] text = chars;
      s.getChars(start, end, text, 0);
      byte[] bytes = buffer;
      int at = length;
      for (int i = 0; i < n; i++) {
        char c = text[i];
        if (c < 0x80) {
          bytes[at++] = (byte) c;
        } else if (c < 0x800) {
          bytes[at++] = (byte) (0xC0 | (c >> 6));
          bytes[at++] = (byte) (0x80 | (c & 0x3F));
        } else if (!Character.isSurrogate(c)) {
          bytes[at++] = (byte) (0xE0 | (c >> 12));
          bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          bytes[at++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text[i + 1])) {
          int code = Character.toCodePoint(c, text[++i]);
          bytes[at++] = (byte) (0xF0 | (code >> 18));
          bytes[at++] = (byte) (0x80 | ((code >> 12) & 0x3F));
          bytes[at++] = (byte) (0x80 | ((code >> 6) & 0x3F));
          bytes[at++] = (byte) (0x80 | (code & 0x3F));
        } else {
          bytes[at++] = '?'; // as String.getBytes replaces a lone surrogate
        }
      }
      length = at;
      return this;
    }

    @Override
    Utf8 decimal(int value, int count) {
      ensure(count);
      for (int i = length + count - 1; i >= length; i--) {
        buffer[i] = (byte) ('0' + value % 10);
        value /= 10;
      }
      length += count;
      return this;
    }

    byte[] bytes() {
      return java.util.Arrays.copyOf(buffer, length);
    }

    void clear() {
      length = 0;
    }

    /** A rare huge output does not keep its buffers for the thread's lifetime. */
    void shrink() {
      if (buffer.length > MAX_KEPT) {
        buffer = new byte[INITIAL];
      }
      if (chars.length > MAX_KEPT) {
        chars = new char[256];
      }
    }

    private void ensure(int more) {
      if (length + more > buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
      }
    }
  }
}

package dev.parakeet.jit.app;

import dev.parakeet.jit.llm.LlmSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The range of every numeric option. A value outside it — or not a whole number — is a usage
 * error naming the option and the range, never an overflow deeper in.
 *
 * @param option the flag, for messages
 */
record Bounds(String option, long min, long max) {

  /** The model call's deadline; the same bound {@link LlmSettings} puts on the environment's value. */
  static final Bounds TIMEOUT_MS = new Bounds("--timeout-ms", 1, LlmSettings.MAX_DEADLINE.toMillis());
  /** At most as many lines at once as the model adapter accepts concurrent calls. */
  static final Bounds PARALLEL = new Bounds("--parallel", 1, 256);
  static final Bounds LIMIT = new Bounds("--limit", 1, 10_000);
  /** A hundred years. */
  static final Bounds OLDER_THAN_DAYS = new Bounds("--older-than-days", 0, 36_500);

  long parse(String value) {
    String text = value == null ? "" : value.strip();
    long number;
    try {
      number = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw outside(value);
    }
    if (number < min || number > max) {
      throw outside(value);
    }
    return number;
  }

  private TypeConversionException outside(String value) {
    return new TypeConversionException(
        option + " must be a whole number from " + min + " to " + max + ", was '" + value + "'");
  }

  /** {@code --timeout-ms N}. */
  static final class TimeoutMs implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return TIMEOUT_MS.parse(value);
    }
  }

  /** {@code --parallel N}. */
  static final class Parallel implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) PARALLEL.parse(value);
    }
  }

  /** {@code --limit N}. */
  static final class Limit implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) LIMIT.parse(value);
    }
  }

  /** {@code --older-than-days N}. */
  static final class OlderThanDays implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) OLDER_THAN_DAYS.parse(value);
    }
  }
}

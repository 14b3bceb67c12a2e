package dev.parakeet.jit.wire;

/**
 * Short decimal literals ({@code 0.85}, {@code 137.5}, {@code -2.25}) to doubles without the general
 * parser: at most 15 significant digits and 22 decimals, no exponent. Such a literal is an exact
 * integer divided by an exact power of ten, and one IEEE division rounds correctly, so the result
 * is the double {@link Double#parseDouble} gives (Clinger's fast path). Anything else is left to
 * the general parser.
 */
final class Decimals {

  /** Not a short decimal: parse it the usual way. */
  static final double NOT_SHORT = Double.NaN;

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
    1e18, 1e19, 1e20, 1e21, 1e22
  };

  private static final int MAX_DIGITS = 15;

  private Decimals() {}

  /** The value of the JSON number {@code text[offset, offset + length)}, or {@link #NOT_SHORT}. */
  static double parse(char[] text, int offset, int length) {
    int i = offset;
    int end = offset + length;
    boolean negative = i < end && text[i] == '-';
    if (negative) {
      i++;
    }
    long digits = 0;
    int significant = 0;
    int decimals = 0;
    boolean point = false;
    for (; i < end; i++) {
      char c = text[i];
      if (c >= '0' && c <= '9') {
        if (significant > 0 || c != '0') {
          if (++significant > MAX_DIGITS) {
            return NOT_SHORT;
          }
        }
        digits = digits * 10 + (c - '0');
        if (point) {
          decimals++;
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return NOT_SHORT; // an exponent
      }
    }
    if (decimals >= POWERS_OF_TEN.length) {
      return NOT_SHORT;
    }
    double value = (double) digits / POWERS_OF_TEN[decimals];
    return negative ? -value : value;
  }
}

package dev.parakeet.jit.engine.model;

/** Facts about loads that the wire format and every calculator share. */
public final class Weights {

  /** An Olympic barbell. */
  public static final double BAR_KG = 20.0;

  /** Quarter kilograms up to this many are remembered once formatted. */
  private static final int REMEMBERED_QUARTERS = 4000;

  /**
   * Weights on the plate grid recur in every session's text, so each is formatted once. Racy on
   * purpose: two threads may both fill a slot, with equal immutable strings.
   */
  private static final String[] QUARTERS = new String[REMEMBERED_QUARTERS + 1];

  private Weights() {}

  /**
   * A weight as people write it: {@code 45}, {@code 67.5}, {@code 1.875} (up to three decimals,
   * no trailing zeros).
   */
  public static String format(double kg) {
    double quarters = kg * 4;
    if (quarters >= 0 && quarters <= REMEMBERED_QUARTERS && quarters == (int) quarters) {
      int slot = (int) quarters;
      String text = QUARTERS[slot];
      if (text == null) {
        text = formatted(kg);
        QUARTERS[slot] = text;
      }
      return text;
    }
    return formatted(kg);
  }

  /** Integer arithmetic keeps this cheap on the generation path. */
  private static String formatted(double kg) {
    long thousandths = Math.round(kg * 1000);
    long whole = thousandths / 1000;
    int fraction = (int) Math.abs(thousandths % 1000);
    if (fraction == 0) {
      return Long.toString(whole);
    }
    // Between -1 and 0 the whole part prints as "0": the sign goes in front of it.
    String sign = thousandths < 0 && whole == 0 ? "-" : "";
    // One concatenation: the fraction without its trailing zeros, its leading zeros spelled out.
    if (fraction % 100 == 0) {
      return sign + whole + "." + fraction / 100;
    }
    if (fraction % 10 == 0) {
      int hundredths = fraction / 10;
      return sign + whole + (hundredths < 10 ? ".0" : ".") + hundredths;
    }
    return sign + whole + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
  }
}

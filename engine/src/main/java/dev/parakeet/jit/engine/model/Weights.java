package dev.parakeet.jit.engine.model;

/** Facts about loads that the wire format and every calculator share. */
public final class Weights {

  /** An Olympic barbell. */
  public static final double BAR_KG = 20.0;

  private Weights() {}

  /**
   * A weight as people write it: {@code 45}, {@code 67.5}, {@code 1.875} (up to three decimals,
   * no trailing zeros). Integer arithmetic keeps it cheap on the generation path.
   */
  public static String format(double kg) {
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

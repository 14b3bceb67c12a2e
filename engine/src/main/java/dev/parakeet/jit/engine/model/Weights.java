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
    String sign = thousandths < 0 && whole == 0 ? "-" : "";
    if (fraction == 0) {
      return sign + whole;
    }
    String digits = Integer.toString(fraction + 1000).substring(1);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return sign + whole + "." + digits.substring(0, end);
  }
}

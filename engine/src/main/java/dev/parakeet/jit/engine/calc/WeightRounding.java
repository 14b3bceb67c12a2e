package dev.parakeet.jit.engine.calc;

/**
 * Rounding to the plate increment (SPEC §2.1): {@code Math.round(w / inc) * inc}, halves up.
 *
 * <p>Loads are products of decimal percentages computed in binary floating point, so a value that
 * is exactly a half in decimal (101.25 at 2.5) can arrive a hair below it. A quotient within
 * {@value #EPSILON} of a half is treated as the half; the result is cleaned to a whole number of
 * micrograms so that increments such as 0.7 give 2.1, not 2.0999999999999996.
 */
public final class WeightRounding {

  /** Tolerance of the floating-point comparisons on loads, RPEs and set counts. */
  public static final double EPSILON = 1e-9;

  private WeightRounding() {}

  /** The nearest multiple of {@code increment}, halves rounding up. */
  public static double round(double weight, double increment) {
    return clean(Math.round(weight / increment + EPSILON) * increment);
  }

  /** The largest multiple of {@code increment} not above {@code weight}. */
  public static double roundDown(double weight, double increment) {
    return clean(Math.floor(weight / increment + EPSILON) * increment);
  }

  /** The smallest multiple of {@code increment} not below {@code weight}. */
  public static double roundUp(double weight, double increment) {
    return clean(Math.ceil(weight / increment - EPSILON) * increment);
  }

  /** Whether {@code weight} already sits on the increment. */
  public static boolean isOnIncrement(double weight, double increment) {
    return Math.abs(round(weight, increment) - weight) < 1e-6;
  }

  private static double clean(double weight) {
    return Math.round(weight * 1e6) / 1e6;
  }
}

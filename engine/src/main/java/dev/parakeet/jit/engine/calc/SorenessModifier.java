package dev.parakeet.jit.engine.calc;

/**
 * What a worst soreness level does to the main lift (SPEC §2.6): fewer sets, a lighter load, or a
 * recovery session instead.
 */
public record SorenessModifier(int setReduction, double intensityMultiplier, boolean recovery) {

  private static final SorenessModifier NONE = new SorenessModifier(0, 1.00, false);
  private static final SorenessModifier MODERATE = new SorenessModifier(1, 1.00, false);
  private static final SorenessModifier HIGH = new SorenessModifier(2, 0.95, false);
  private static final SorenessModifier SEVERE = new SorenessModifier(0, 1.00, true);

  public static SorenessModifier forLevel(int level) {
    return switch (level) {
      case 1, 2 -> NONE;
      case 3 -> MODERATE;
      case 4 -> HIGH;
      case 5 -> SEVERE;
      default -> throw new IllegalArgumentException("soreness must be 1..5, was " + level);
    };
  }
}

package dev.parakeet.jit.engine.model;

import java.util.Locale;

/**
 * The wire names of every {@link WireEnum} type, computed once per type: {@link WireEnum#wire()}
 * is called for every muscle, lift and rule a rationale or warning names, and lower-casing the
 * constant's name on each call was a measurable share of a generation.
 */
final class WireNames {

  private static final ClassValue<String[]> NAMES =
      new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
          Object[] constants = type.getEnumConstants();
          String[] names = new String[constants.length];
          for (int i = 0; i < constants.length; i++) {
            names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
          }
          return names;
        }
      };

  private WireNames() {}

  /** {@code constant.name()} in lower case. */
  static String of(Enum<?> constant) {
    return NAMES.get(constant.getDeclaringClass())[constant.ordinal()];
  }
}

package dev.parakeet.jit.engine.model.config;

import java.util.function.BinaryOperator;

/** Deep-merge helpers: an override value replaces the base value; nested objects merge. */
final class Merge {

  private Merge() {}

  static <T> T value(T override, T base) {
    return override != null ? override : base;
  }

  static <T> T nested(T override, T base, BinaryOperator<T> merge) {
    if (override == null) {
      return base;
    }
    return base == null ? override : merge.apply(override, base);
  }
}

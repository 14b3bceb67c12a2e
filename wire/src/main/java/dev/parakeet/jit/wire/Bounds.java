package dev.parakeet.jit.wire;

import dev.parakeet.jit.engine.model.CodePoints;
import dev.parakeet.jit.engine.model.NoControlCharacters;
import dev.parakeet.jit.engine.model.NullOrNotBlank;
import jakarta.validation.Constraint;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.EnumSet;

/**
 * The Jakarta constraints on one value, read once from the engine's annotations for the streaming
 * binder: the same annotations Hibernate Validator checks on the thorough path, so the two can
 * never hold different bounds. A constraint this class does not know makes the value {@link
 * #understood() not understood}, and every document that carries it takes the thorough path.
 */
final class Bounds {

  boolean required;
  boolean notBlank;
  long min = Long.MIN_VALUE;
  long max = Long.MAX_VALUE;
  DecimalBound decimalMin;
  DecimalBound decimalMax;
  int sizeMin;
  int sizeMax = Integer.MAX_VALUE;
  int codePointsMin;
  int codePointsMax = Integer.MAX_VALUE;
  boolean noControlCharacters;
  private boolean understood = true;
  private final EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);

  /** What a constraint is about, so a reader can tell bounds it cannot apply to its type. */
  enum Kind {
    /** {@code @NotNull}: presence only, for any type. */
    PRESENCE,
    /** {@code @NotBlank}, {@code @NullOrNotBlank}, {@code @CodePoints}, {@code @NoControlCharacters}. */
    TEXT,
    /** {@code @Size}: UTF-16 length of a string, or the size of a list or map. */
    SIZE,
    /** {@code @Min}, {@code @Max}. */
    INTEGER,
    /** {@code @DecimalMin}, {@code @DecimalMax}. */
    DECIMAL
  }

  private Bounds() {}

  /** A value that must be present, with no other bound: a whole document. */
  static Bounds required() {
    Bounds bounds = new Bounds();
    bounds.required = true;
    bounds.kinds.add(Kind.PRESENCE);
    return bounds;
  }

  static Bounds of(Annotation... annotations) {
    Bounds bounds = new Bounds();
    for (Annotation annotation : annotations) {
      bounds.add(annotation);
    }
    return bounds;
  }

  boolean understood() {
    return understood;
  }

  /** Whether every constraint here is of one of {@code allowed} kinds. */
  boolean onlyOfKinds(Kind... allowed) {
    EnumSet<Kind> rest = EnumSet.copyOf(kinds);
    for (Kind kind : allowed) {
      rest.remove(kind);
    }
    rest.remove(Kind.PRESENCE);
    return rest.isEmpty();
  }

  private void add(Annotation annotation) {
    if (isConstraint(annotation) && !inDefaultGroup(annotation)) {
      understood = false;
    } else if (annotation instanceof NotNull) {
      required = true;
      kinds.add(Kind.PRESENCE);
    } else if (annotation instanceof NotBlank) {
      required = true;
      notBlank = true;
      kinds.add(Kind.TEXT);
    } else if (annotation instanceof NullOrNotBlank) {
      notBlank = true;
      kinds.add(Kind.TEXT);
    } else if (annotation instanceof Min bound) {
      min = Math.max(min, bound.value());
      kinds.add(Kind.INTEGER);
    } else if (annotation instanceof Max bound) {
      max = Math.min(max, bound.value());
      kinds.add(Kind.INTEGER);
    } else if (annotation instanceof DecimalMin bound) {
      decimalMin = DecimalBound.lower(bound.value(), bound.inclusive());
      kinds.add(Kind.DECIMAL);
    } else if (annotation instanceof DecimalMax bound) {
      decimalMax = DecimalBound.upper(bound.value(), bound.inclusive());
      kinds.add(Kind.DECIMAL);
    } else if (annotation instanceof Size bound) {
      sizeMin = Math.max(sizeMin, bound.min());
      sizeMax = Math.min(sizeMax, bound.max());
      kinds.add(Kind.SIZE);
    } else if (annotation instanceof CodePoints bound) {
      codePointsMin = Math.max(codePointsMin, bound.min());
      codePointsMax = Math.min(codePointsMax, bound.max());
      kinds.add(Kind.TEXT);
    } else if (annotation instanceof NoControlCharacters) {
      noControlCharacters = true;
      kinds.add(Kind.TEXT);
    } else if (isConstraint(annotation)) {
      understood = false;
    }
    // @Valid needs nothing: the streaming binder checks nested values whether or not they cascade,
    // and being stricter than the thorough path only sends a document there.
  }

  /** A Jakarta constraint, or a container of repeated ones ({@code @Min.List}). */
  private static boolean isConstraint(Annotation annotation) {
    Class<?> type = annotation.annotationType();
    return type.isAnnotationPresent(Constraint.class)
        || (type.getEnclosingClass() != null && type.getEnclosingClass().isAnnotationPresent(Constraint.class));
  }

  /** A constraint in another validation group is not checked by the thorough path either. */
  private static boolean inDefaultGroup(Annotation annotation) {
    try {
      Object groups = annotation.annotationType().getMethod("groups").invoke(annotation);
      return ((Class<?>[]) groups).length == 0;
    } catch (ReflectiveOperationException e) {
      return false; // a repeated-constraint container: not understood
    }
  }

  /**
   * One end of a {@code @DecimalMin}/{@code @DecimalMax} range on a double, decided exactly as
   * Hibernate Validator decides it ({@code BigDecimal.valueOf(value)} against the bound) at a cost of
   * one comparison. A double strictly beyond the double nearest the bound is decided by that
   * comparison alone (rounding to the nearest double is monotonic, so the decimal Hibernate builds
   * lies on the same side); only the nearest double itself needs the exact comparison.
   */
  record DecimalBound(BigDecimal bound, double nearest, boolean inclusive, boolean lower) {

    static DecimalBound lower(String value, boolean inclusive) {
      BigDecimal bound = new BigDecimal(value);
      return new DecimalBound(bound, bound.doubleValue(), inclusive, true);
    }

    static DecimalBound upper(String value, boolean inclusive) {
      BigDecimal bound = new BigDecimal(value);
      return new DecimalBound(bound, bound.doubleValue(), inclusive, false);
    }

    boolean admits(double value) {
      if (value != nearest) {
        return lower ? value > nearest : value < nearest;
      }
      int comparison = BigDecimal.valueOf(value).compareTo(bound);
      if (comparison == 0) {
        return inclusive;
      }
      return lower ? comparison > 0 : comparison < 0;
    }
  }
}

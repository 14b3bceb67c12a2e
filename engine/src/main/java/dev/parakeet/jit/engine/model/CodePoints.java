package dev.parakeet.jit.engine.model;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The length of a string in Unicode code points (SPEC §1.2): an emoji is one character, not the
 * two UTF-16 units {@code @Size} would count. {@code null} is valid. The validator lives in the
 * wire module; the core only declares the bound.
 */
@Documented
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface CodePoints {

  int min() default 0;

  int max() default Integer.MAX_VALUE;

  String message() default "must have between {min} and {max} characters";

  Class<?>[] groups() default {};

  /** Jakarta's {@code payload} element; typed loosely so that the core needs no validation classes. */
  Class<?>[] payload() default {};
}

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
 * A string without control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F), for
 * identifiers and names that are shown on one line and used as keys (SPEC §1.2). {@code null} is
 * valid. The validator lives in the wire module.
 */
@Documented
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface NoControlCharacters {

  String message() default "must not contain control characters";

  Class<?>[] groups() default {};

  /** Jakarta's {@code payload} element; typed loosely so that the core needs no validation classes. */
  Class<?>[] payload() default {};
}

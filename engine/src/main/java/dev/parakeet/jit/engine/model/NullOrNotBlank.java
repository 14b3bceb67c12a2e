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
 * An optional string that, when present, is not blank: {@code @NotBlank} without making the field
 * required. Blank means what it means for {@code @NotBlank} ({@link String#isBlank()}). The
 * validator lives in the wire module.
 */
@Documented
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface NullOrNotBlank {

  String message() default "must not be blank";

  Class<?>[] groups() default {};

  /** Jakarta's {@code payload} element; typed loosely so that the core needs no validation classes. */
  Class<?>[] payload() default {};
}

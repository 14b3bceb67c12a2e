package dev.parakeet.jit.engine.testing;

import dev.parakeet.jit.engine.model.CodePoints;
import dev.parakeet.jit.engine.model.NoControlCharacters;
import dev.parakeet.jit.engine.model.NullOrNotBlank;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Test-only validators for the core's string constraints, so that the core's own tests can check
 * generated inputs with a plain validator (found through {@code META-INF/services}). The wire
 * module holds the validators the product runs; its tests check the same generated inputs with
 * them.
 */
public final class TextConstraintValidators {

  private TextConstraintValidators() {}

  public static final class CodePointsCheck implements ConstraintValidator<CodePoints, CharSequence> {
    private CodePoints bound;

    @Override
    public void initialize(CodePoints bound) {
      this.bound = bound;
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      int length = value == null ? 0 : Character.codePointCount(value, 0, value.length());
      return value == null || (length >= bound.min() && length <= bound.max());
    }
  }

  public static final class NoControlCharactersCheck
      implements ConstraintValidator<NoControlCharacters, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || value.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL);
    }
  }

  public static final class NullOrNotBlankCheck implements ConstraintValidator<NullOrNotBlank, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || !value.toString().isBlank();
    }
  }
}

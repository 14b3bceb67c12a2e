package dev.parakeet.jit.wire;

import dev.parakeet.jit.engine.model.CodePoints;
import dev.parakeet.jit.engine.model.NoControlCharacters;
import dev.parakeet.jit.engine.model.NullOrNotBlank;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * The validators of the engine's string constraints ({@link CodePoints}, {@link
 * NoControlCharacters}, {@link NullOrNotBlank}). The core declares the bounds; they are checked
 * here, by the rules of {@link Text}. Public only because the validator instantiates them.
 */
public final class TextConstraints {

  private TextConstraints() {}

  /** Validates {@link CodePoints}. */
  public static final class CodePointsValidator implements ConstraintValidator<CodePoints, CharSequence> {
    private int min;
    private int max;

    @Override
    public void initialize(CodePoints bound) {
      min = bound.min();
      max = bound.max();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      int length = Text.codePoints(value.toString());
      return length >= min && length <= max;
    }
  }

  /** Validates {@link NoControlCharacters}. */
  public static final class NoControlCharactersValidator
      implements ConstraintValidator<NoControlCharacters, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || Text.controlCharacterAt(value.toString()) < 0;
    }
  }

  /** Validates {@link NullOrNotBlank}. */
  public static final class NullOrNotBlankValidator implements ConstraintValidator<NullOrNotBlank, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || !Text.isBlank(value.toString());
    }
  }
}

package dev.parakeet.jit.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parakeet.jit.engine.model.CodePoints;
import dev.parakeet.jit.engine.model.NoControlCharacters;
import dev.parakeet.jit.engine.model.NullOrNotBlank;
import dev.parakeet.jit.engine.validation.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * Runs the Jakarta bounds declared on the engine's records and words each violation for people:
 * {@code must be at most 5, was 7}. Messages are built here from the constraint's attributes, so
 * no expression language is evaluated.
 */
final class BeanValidation {

  private final Validator validator;

  BeanValidation(ObjectMapper mapper) {
    HibernateValidatorConfiguration configuration =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            // Messages are worded by message() below; the template is never interpolated.
            .messageInterpolator(new VerbatimMessages())
            .propertyNodeNameProvider(new JacksonPropertyNames(mapper));
    configuration.addMapping(textConstraints(configuration));
    // The factory lives as long as this object: closing it would release the validators' metadata.
    ValidatorFactory factory = configuration.buildValidatorFactory();
    this.validator = factory.getValidator();
  }

  /** The engine declares its string constraints without validators (it has no validation code). */
  private static ConstraintMapping textConstraints(HibernateValidatorConfiguration configuration) {
    ConstraintMapping mapping = configuration.createConstraintMapping();
    mapping
        .constraintDefinition(CodePoints.class)
        .includeExistingValidators(false)
        .validatedBy(TextConstraints.CodePointsValidator.class);
    mapping
        .constraintDefinition(NoControlCharacters.class)
        .includeExistingValidators(false)
        .validatedBy(TextConstraints.NoControlCharactersValidator.class);
    mapping
        .constraintDefinition(NullOrNotBlank.class)
        .includeExistingValidators(false)
        .validatedBy(TextConstraints.NullOrNotBlankValidator.class);
    return mapping;
  }

  List<Violation> validate(Object value) {
    List<Violation> violations = new ArrayList<>();
    for (ConstraintViolation<Object> violation : validator.validate(value)) {
      violations.add(new Violation(JsonPaths.of(violation.getPropertyPath()), message(violation)));
    }
    return violations;
  }

  static String message(ConstraintViolation<?> violation) {
    Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
    Object value = violation.getInvalidValue();
    String was = ", was " + JsonValues.describe(value);
    if (constraint instanceof NotNull) {
      return "is required";
    }
    if (constraint instanceof NotBlank) {
      return value == null ? "is required" : "must not be blank";
    }
    if (constraint instanceof NullOrNotBlank) {
      return "must not be blank";
    }
    if (constraint instanceof CodePoints bound) {
      int length = Text.codePoints(value.toString());
      return (length < bound.min()
              ? "must have at least " + bound.min()
              : "must have at most " + bound.max())
          + " characters, had " + length;
    }
    if (constraint instanceof NoControlCharacters) {
      return "must not contain control characters, " + Text.controlCharacter(value.toString());
    }
    if (constraint instanceof Min min) {
      return "must be at least " + min.value() + was;
    }
    if (constraint instanceof Max max) {
      return "must be at most " + max.value() + was;
    }
    if (constraint instanceof DecimalMin min) {
      return (min.inclusive() ? "must be at least " : "must be greater than ") + min.value() + was;
    }
    if (constraint instanceof DecimalMax max) {
      return (max.inclusive() ? "must be at most " : "must be less than ") + max.value() + was;
    }
    if (constraint instanceof Size size) {
      return size(size, value);
    }
    return violation.getMessage() + was;
  }

  /** Leaves templates alone: no expression language, no resource bundles, no warnings about either. */
  private static final class VerbatimMessages implements MessageInterpolator {
    @Override
    public String interpolate(String template, Context context) {
      return template;
    }

    @Override
    public String interpolate(String template, Context context, java.util.Locale locale) {
      return template;
    }
  }

  private static String size(Size size, Object value) {
    boolean text = value instanceof CharSequence;
    int actual = text ? ((CharSequence) value).length() : value instanceof Collection<?> c ? c.size() : -1;
    String unit = text ? " characters" : " items";
    String bound =
        actual < size.min()
            ? "must have at least " + size.min() + unit
            : "must have at most " + size.max() + unit;
    return bound + ", had " + actual;
  }
}

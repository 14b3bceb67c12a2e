package dev.parakeet.jit.engine.port;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.parakeet.jit.engine.model.CodePoints;
import dev.parakeet.jit.engine.model.Confidence;
import dev.parakeet.jit.engine.model.Copies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The small, bounded change of the formula base that a language model may return (SPEC §5.1).
 * These annotations are the single source of truth for its bounds: the parser validates against
 * them, and the provider schema and system prompt are derived from them. A value outside them is a
 * failed call, whatever the provider's own schema enforcement did.
 */
public record JitAdjustment(
    @JsonPropertyDescription("Multiplier of the programmed working weight; 1.0 keeps it.")
        @NotNull @DecimalMin("0.40") @DecimalMax("1.20")
        Double intensityModifier,
    @JsonPropertyDescription("Change to the programmed number of working sets; 0 keeps it.")
        @NotNull @Min(-3) @Max(2)
        Integer setModifier,
    @JsonPropertyDescription("True only when the lifter should not do the main lift today.")
        @NotNull
        Boolean skipMainLift,
    @JsonPropertyDescription(
            "Instructions for the active auxiliary exercises, by name; an exercise not listed is"
                + " done as programmed.")
        @NotNull @Size(max = 10)
        List<@NotNull @Valid AuxOverride> auxOverrides,
    @JsonPropertyDescription("Short lines for the lifter, each naming the signal behind the decision.")
        @NotNull @Size(min = 1, max = 5)
        List<@NotBlank @CodePoints(max = 200) String> rationale,
    @JsonPropertyDescription("How sure you are of this adjustment.") @NotNull
        Confidence confidence) {

  public JitAdjustment {
    auxOverrides = Copies.list(auxOverrides);
    rationale = Copies.list(rationale);
  }
}

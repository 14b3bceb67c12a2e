package dev.parakeet.jit.engine.strategy.llm;

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
    @NotNull @DecimalMin("0.40") @DecimalMax("1.20") Double intensityModifier,
    @NotNull @Min(-3) @Max(2) Integer setModifier,
    @NotNull Boolean skipMainLift,
    @NotNull @Size(max = 10) List<@NotNull @Valid AuxOverride> auxOverrides,
    @NotNull @Size(min = 1, max = 5) List<@NotBlank @Size(max = 200) String> rationale,
    @NotNull Confidence confidence) {

  public JitAdjustment {
    auxOverrides = Copies.list(auxOverrides);
    rationale = Copies.list(rationale);
  }
}

package dev.parakeet.jit.engine.model.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The deload row, used whatever the block. Its percentage range is lower than a block row's. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeloadScheme(
    @DecimalMin("0.20") @DecimalMax("0.60") Double pct,
    @Min(1) @Max(10) Integer sets,
    @Min(1) @Max(20) Integer reps,
    @JsonProperty("rpe_target") @DecimalMin("5.0") @DecimalMax("10.0") Double rpeTarget) {

  DeloadScheme mergedOver(DeloadScheme base) {
    return new DeloadScheme(
        Merge.value(pct, base.pct),
        Merge.value(sets, base.sets),
        Merge.value(reps, base.reps),
        Merge.value(rpeTarget, base.rpeTarget));
  }
}

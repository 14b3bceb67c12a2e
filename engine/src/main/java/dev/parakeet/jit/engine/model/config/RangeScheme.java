package dev.parakeet.jit.engine.model.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Rep days: a range of sets and of reps at a percentage. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RangeScheme(
    @DecimalMin("0.40") @DecimalMax("1.05") Double pct,
    @JsonProperty("sets_min") @Min(1) @Max(10) Integer setsMin,
    @JsonProperty("sets_max") @Min(1) @Max(10) Integer setsMax,
    @JsonProperty("reps_min") @Min(1) @Max(20) Integer repsMin,
    @JsonProperty("reps_max") @Min(1) @Max(20) Integer repsMax,
    @JsonProperty("rpe_target") @DecimalMin("5.0") @DecimalMax("10.0") Double rpeTarget) {

  RangeScheme mergedOver(RangeScheme base) {
    return new RangeScheme(
        Merge.value(pct, base.pct),
        Merge.value(setsMin, base.setsMin),
        Merge.value(setsMax, base.setsMax),
        Merge.value(repsMin, base.repsMin),
        Merge.value(repsMax, base.repsMax),
        Merge.value(rpeTarget, base.rpeTarget));
  }
}

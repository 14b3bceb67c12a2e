package dev.parakeet.jit.engine.model.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Heavy and explosive days: identical sets of {@code reps} (up to {@code reps_max}) at a percentage. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FixedScheme(
    @DecimalMin("0.40") @DecimalMax("1.05") Double pct,
    @Min(1) @Max(10) Integer sets,
    @Min(1) @Max(20) Integer reps,
    @JsonProperty("reps_max") @Min(1) @Max(20) Integer repsMax,
    @JsonProperty("rpe_target") @DecimalMin("5.0") @DecimalMax("10.0") Double rpeTarget) {

  static FixedScheme of(double pct, int sets, int reps, double rpeTarget) {
    return new FixedScheme(pct, sets, reps, null, rpeTarget);
  }

  FixedScheme mergedOver(FixedScheme base) {
    return new FixedScheme(
        Merge.value(pct, base.pct),
        Merge.value(sets, base.sets),
        Merge.value(reps, base.reps),
        Merge.value(repsMax, base.repsMax),
        Merge.value(rpeTarget, base.rpeTarget));
  }
}

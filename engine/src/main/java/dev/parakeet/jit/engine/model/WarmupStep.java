package dev.parakeet.jit.engine.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** One warm-up step: a fraction of the working weight ({@code 0} = the empty bar) for some reps. */
public record WarmupStep(
    @NotNull @DecimalMin("0") @DecimalMax("1") Double pct, @NotNull @Min(1) @Max(20) Integer reps) {

  public static WarmupStep of(double pct, int reps) {
    return new WarmupStep(pct, reps);
  }
}

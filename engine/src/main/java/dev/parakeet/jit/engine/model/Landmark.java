package dev.parakeet.jit.engine.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Weekly volume landmarks of one muscle, in hard sets: minimum effective volume and maximum
 * recoverable volume (SPEC §2.5). {@code mrv > mev} is checked on the merged map by
 * {@link dev.parakeet.jit.engine.validation.InputRules}.
 */
public record Landmark(@NotNull @Min(0) @Max(40) Integer mev, @NotNull @Min(1) @Max(40) Integer mrv) {

  public static Landmark of(int mev, int mrv) {
    return new Landmark(mev, mrv);
  }
}

package dev.parakeet.jit.engine.model.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** How much the heavy percentage climbs from block to block (program design; carried, not used by JIT). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressiveOverload(
    @JsonProperty("heavy_pct_increment_per_block") @DecimalMin("0") @DecimalMax("0.20")
        Double heavyPctIncrementPerBlock) {

  ProgressiveOverload mergedOver(ProgressiveOverload base) {
    return new ProgressiveOverload(
        Merge.value(heavyPctIncrementPerBlock, base.heavyPctIncrementPerBlock));
  }
}

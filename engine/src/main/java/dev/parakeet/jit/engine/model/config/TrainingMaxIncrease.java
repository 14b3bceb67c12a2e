package dev.parakeet.jit.engine.model.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** Training-max increases between cycles, kg (program design; carried, not used by JIT). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingMaxIncrease(
    @JsonProperty("bench_min") @DecimalMin("0") @DecimalMax("50") Double benchMin,
    @JsonProperty("bench_max") @DecimalMin("0") @DecimalMax("50") Double benchMax,
    @JsonProperty("squat_min") @DecimalMin("0") @DecimalMax("50") Double squatMin,
    @JsonProperty("squat_max") @DecimalMin("0") @DecimalMax("50") Double squatMax,
    @JsonProperty("deadlift_min") @DecimalMin("0") @DecimalMax("50") Double deadliftMin,
    @JsonProperty("deadlift_max") @DecimalMin("0") @DecimalMax("50") Double deadliftMax) {

  TrainingMaxIncrease mergedOver(TrainingMaxIncrease base) {
    return new TrainingMaxIncrease(
        Merge.value(benchMin, base.benchMin),
        Merge.value(benchMax, base.benchMax),
        Merge.value(squatMin, base.squatMin),
        Merge.value(squatMax, base.squatMax),
        Merge.value(deadliftMin, base.deadliftMin),
        Merge.value(deadliftMax, base.deadliftMax));
  }
}

package dev.parakeet.jit.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A working set: what the lifter loads on the bar. {@code repsRange} is present for ranged work. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"set_number", "weight_kg", "reps", "rpe_target", "reps_range"})
public record PlannedSet(
    @JsonProperty("set_number") int setNumber,
    @JsonProperty("weight_kg") double weightKg,
    int reps,
    @JsonProperty("rpe_target") double rpeTarget,
    @JsonProperty("reps_range") RepsRange repsRange) {

  public PlannedSet withSetNumber(int number) {
    return new PlannedSet(number, weightKg, reps, rpeTarget, repsRange);
  }

  public PlannedSet withWeight(double weight) {
    return new PlannedSet(setNumber, weight, reps, rpeTarget, repsRange);
  }
}

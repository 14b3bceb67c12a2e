package dev.parakeet.jit.engine.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A warm-up set. Always made by the formula from the first working set (SPEC §4, rule 7). */
@JsonPropertyOrder({"setNumber", "weightKg", "displayWeight", "reps", "isWarmup"})
@JsonIgnoreProperties(
    value = {"displayWeight", "isWarmup"},
    allowGetters = true)
public record WarmupSet(int setNumber, double weightKg, int reps) {

  /** {@code "20 kg (bar)"} at the bar, else the weight without a trailing {@code .0}. */
  @JsonProperty("displayWeight")
  public String displayWeight() {
    return weightKg == Weights.BAR_KG
        ? "20 kg (bar)"
        : Weights.format(weightKg) + " kg";
  }

  @JsonProperty("isWarmup")
  public boolean isWarmup() {
    return true;
  }
}

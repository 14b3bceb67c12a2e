package dev.parakeet.jit.engine.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * One recently logged session's effort, newest first in the input. {@code actual_rpe} is null
 * when the lifter did not rate it. Rows from the app may carry other columns; they are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecentLog(
    @JsonProperty("actual_rpe") @DecimalMin("1") @DecimalMax("10") Double actualRpe,
    @JsonProperty("target_rpe") @NotNull @DecimalMin("1") @DecimalMax("10") Double targetRpe) {

  public static RecentLog of(Double actualRpe, double targetRpe) {
    return new RecentLog(actualRpe, targetRpe);
  }
}

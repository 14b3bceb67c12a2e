package dev.parakeet.jit.engine.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A row of the app's {@code disruptions} table. Extra columns are accepted and ignored; the dates
 * and id are informational. A missing {@code status} means {@code active}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingDisruption(
    @JsonProperty("disruption_type") @NotNull DisruptionType disruptionType,
    @NotNull Severity severity,
    @JsonProperty("affected_lifts") List<@NotNull Lift> affectedLifts,
    @CodePoints(max = 2000) String description,
    DisruptionStatus status,
    @CodePoints(max = 200) String id,
    @JsonProperty("affected_date_start") @CodePoints(max = 64) String affectedDateStart,
    @JsonProperty("affected_date_end") @CodePoints(max = 64) String affectedDateEnd,
    @JsonProperty("reported_at") @CodePoints(max = 64) String reportedAt) {

  public TrainingDisruption {
    affectedLifts = Copies.list(affectedLifts);
  }

  public static TrainingDisruption of(
      DisruptionType type, Severity severity, List<Lift> affectedLifts, String description) {
    return new TrainingDisruption(
        type, severity, affectedLifts, description, null, null, null, null, null);
  }

  /** {@code status}, with the wire default applied. */
  public DisruptionStatus effectiveStatus() {
    return status == null ? DisruptionStatus.ACTIVE : status;
  }

  /** Whether this disruption bears on a session of {@code lift} (SPEC §3, P1). */
  public boolean concerns(Lift lift) {
    return effectiveStatus() != DisruptionStatus.RESOLVED
        && (affectedLifts == null || affectedLifts.isEmpty() || affectedLifts.contains(lift));
  }

  /** What to call it in a rationale: the lifter's own words when given. */
  public String label() {
    return description == null || description.isBlank()
        ? disruptionType.wire().replace('_', ' ')
        : description.strip();
  }
}

package dev.parakeet.jit.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The prescription for one active auxiliary exercise; skipped ones say why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"exercise", "sets", "skipped", "skipReason"})
public record AuxiliaryWork(String exercise, List<PlannedSet> sets, boolean skipped, String skipReason) {

  public AuxiliaryWork {
    sets = Copies.nonNull(sets);
  }

  public static AuxiliaryWork skipped(String exercise, String reason) {
    return new AuxiliaryWork(exercise, List.of(), true, reason);
  }

  public static AuxiliaryWork prescribed(String exercise, List<PlannedSet> sets) {
    return new AuxiliaryWork(exercise, sets, false, null);
  }
}

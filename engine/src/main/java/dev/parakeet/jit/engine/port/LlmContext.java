package dev.parakeet.jit.engine.port;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.List;

/**
 * What the model is shown (SPEC §5.2): the whole input except its warm-up protocol, the computed
 * base, and the MRV headroom of the lift's primary muscles.
 */
public record LlmContext(JitInput lifterState, Base base, List<MuscleHeadroom> primaryMuscles) {

  /** The programmed sets the adjustment applies to. */
  public record Base(double baseWeightKg, int baseSets, int baseReps, double rpeTarget) {}

  /** A primary muscle's weekly volume against its landmarks; {@code headroomSets} = mrv − weekly. */
  public record MuscleHeadroom(
      Muscle muscle, double contributionPerSet, double weeklySets, int mev, int mrv, double headroomSets) {}
}

package dev.parakeet.jit.engine.strategy.llm;

import dev.parakeet.jit.engine.calc.BaseSets;
import dev.parakeet.jit.engine.calc.LiftMuscles;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.session.SessionContext;
import java.util.ArrayList;
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

  public static LlmContext of(SessionContext context) {
    BaseSets base = context.base();
    List<MuscleHeadroom> headroom = new ArrayList<>(4);
    for (LiftMuscles.Contribution c : LiftMuscles.primary(context.lift())) {
      int mrv = context.landmarks().mrv(c.muscle());
      double weekly = context.weeklyVolume().sets(c.muscle());
      headroom.add(
          new MuscleHeadroom(
              c.muscle(), c.perSet(), weekly, context.landmarks().mev(c.muscle()), mrv, mrv - weekly));
    }
    return new LlmContext(
        context.input().withoutWarmupConfig(),
        new Base(base.weightKg(), base.count(), base.reps(), base.rpeTarget()),
        List.copyOf(headroom));
  }
}

package dev.parakeet.jit.engine.strategy.llm;

import dev.parakeet.jit.engine.calc.BaseSets;
import dev.parakeet.jit.engine.calc.LiftMuscles;
import dev.parakeet.jit.engine.port.LlmContext;
import dev.parakeet.jit.engine.session.SessionContext;
import java.util.ArrayList;
import java.util.List;

/** Builds what the model is shown (SPEC §5.2) from a resolved session. */
public final class LlmContexts {

  private LlmContexts() {}

  public static LlmContext of(SessionContext context) {
    BaseSets base = context.base();
    List<LlmContext.MuscleHeadroom> headroom = new ArrayList<>(4);
    for (LiftMuscles.Contribution c : LiftMuscles.primary(context.lift())) {
      int mrv = context.landmarks().mrv(c.muscle());
      double weekly = context.weeklyVolume().sets(c.muscle());
      headroom.add(
          new LlmContext.MuscleHeadroom(
              c.muscle(), c.perSet(), weekly, context.landmarks().mev(c.muscle()), mrv, mrv - weekly));
    }
    return new LlmContext(
        context.input().withoutWarmupConfig(),
        new LlmContext.Base(base.weightKg(), base.count(), base.reps(), base.rpeTarget()),
        List.copyOf(headroom));
  }
}

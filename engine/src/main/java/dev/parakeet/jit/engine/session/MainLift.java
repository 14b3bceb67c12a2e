package dev.parakeet.jit.engine.session;

import dev.parakeet.jit.engine.calc.RecoverySession;
import dev.parakeet.jit.engine.model.PlannedSet;
import java.util.List;

/**
 * What happens to today's main lift: it is planned, replaced by a recovery session, or skipped
 * for a stated cause. A strategy proposes one; the hard constraints may turn it into another (an
 * MRV or a major disruption skips it, the over-reaction guard un-skips a model's skip).
 */
public sealed interface MainLift {

  /** The working sets, in order; empty when skipped. */
  List<PlannedSet> sets();

  /** The multiplier applied to the base weight: 0 when skipped. */
  double intensityModifier();

  /** Working sets at a multiple of the base weight. */
  record Planned(List<PlannedSet> sets, double intensityModifier) implements MainLift {
    public Planned {
      sets = List.copyOf(sets);
    }
  }

  /** A lifter too sore to train hard: light sets instead (SPEC §2.6), minimal warm-up. */
  record Recovery(List<PlannedSet> sets) implements MainLift {
    public Recovery {
      sets = List.copyOf(sets);
    }

    @Override
    public double intensityModifier() {
      return RecoverySession.INTENSITY;
    }
  }

  /** No main lift today, and why. */
  record Skipped(Cause cause) implements MainLift {
    @Override
    public List<PlannedSet> sets() {
      return List.of();
    }

    @Override
    public double intensityModifier() {
      return 0;
    }
  }

  /** Why a main lift is skipped. */
  enum Cause {
    /** A relevant major disruption (SPEC §3 P1, §4 rule 0). */
    MAJOR_DISRUPTION,
    /** A primary muscle has no room for a whole set under its MRV (SPEC §4 rule 1). */
    MRV_REACHED,
    /** A language model proposed it, with a signal that allows it. */
    PROPOSED_BY_MODEL
  }
}

package dev.parakeet.jit.engine.session;

import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.List;

/** Why an auxiliary exercise is skipped: the {@code skipReason} a lifter reads, written once. */
public final class AuxiliarySkips {

  public static final String MAIN_LIFT_SKIPPED = "Main lift skipped — auxiliary suppressed";
  public static final String RECOVERY = "Recovery session — auxiliary work skipped";
  public static final String MODEL_SKIP = "LLM: skip override";

  private AuxiliarySkips() {}

  public static String severeSoreness(Muscle muscle) {
    return "Severe soreness: " + muscle.wire() + " rated 5";
  }

  public static String mrvReached(Muscle muscle) {
    return "MRV reached for " + muscle.wire();
  }

  /** The exercise works {@code shared}, muscles of the injured {@code lift}. */
  public static String injury(Lift lift, List<Muscle> shared) {
    StringBuilder reason = new StringBuilder("Injury: shares ");
    for (int i = 0; i < shared.size(); i++) {
      reason.append(i == 0 ? "" : i == shared.size() - 1 ? " and " : ", ").append(shared.get(i).wire());
    }
    return reason.append(" with the injured ").append(lift.wire()).toString();
  }
}

package dev.parakeet.jit.engine.testing;

import dev.parakeet.jit.engine.model.Confidence;
import dev.parakeet.jit.engine.port.AuxAction;
import dev.parakeet.jit.engine.port.AuxOverride;
import dev.parakeet.jit.engine.port.JitAdjustment;
import java.util.ArrayList;
import java.util.List;

/** Short ways to write a model's {@link JitAdjustment} in tests. */
public final class Adjustments {

  public static final String FIRST_REASON = "Fake model: first reason.";

  private Adjustments() {}

  /** intensity × and set change, no skip, no overrides, high confidence. */
  public static JitAdjustment adjustment(double intensityModifier, int setModifier) {
    return new JitAdjustment(
        intensityModifier, setModifier, false, List.of(), List.of(FIRST_REASON, "second reason"),
        Confidence.HIGH);
  }

  public static JitAdjustment skipMainLift() {
    return new JitAdjustment(1.0, 0, true, List.of(), List.of(FIRST_REASON), Confidence.MEDIUM);
  }

  /** No change of the main lift, with these auxiliary overrides ("name", action, ...). */
  public static JitAdjustment auxOverrides(Object... nameAction) {
    List<AuxOverride> overrides = new ArrayList<>();
    for (int i = 0; i < nameAction.length; i += 2) {
      overrides.add(new AuxOverride((String) nameAction[i], (AuxAction) nameAction[i + 1]));
    }
    return new JitAdjustment(1.0, 0, false, overrides, List.of(FIRST_REASON), Confidence.LOW);
  }
}

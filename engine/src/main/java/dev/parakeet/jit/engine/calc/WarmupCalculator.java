package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.WarmupPreset;
import dev.parakeet.jit.engine.model.WarmupProtocol;
import dev.parakeet.jit.engine.model.WarmupSet;
import dev.parakeet.jit.engine.model.WarmupStep;
import dev.parakeet.jit.engine.model.Weights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Warm-up ramps to the first working set (SPEC §2.7). */
public final class WarmupCalculator {

  /** Below this working weight a long ramp is mostly bar work, so the minimal preset is used. */
  static final double MINIMAL_BELOW_KG = 40.0;

  private static final Map<WarmupPreset, List<WarmupStep>> PRESETS = new EnumMap<>(WarmupPreset.class);

  static {
    PRESETS.put(WarmupPreset.STANDARD, steps(0.40, 5, 0.60, 3, 0.75, 2, 0.90, 1));
    PRESETS.put(WarmupPreset.MINIMAL, steps(0.50, 5, 0.75, 2));
    PRESETS.put(
        WarmupPreset.EXTENDED, steps(0.30, 10, 0.50, 5, 0.65, 3, 0.80, 2, 0.90, 1, 0.95, 1));
    PRESETS.put(WarmupPreset.EMPTY_BAR, steps(0.0, 10, 0.50, 5, 0.70, 3, 0.85, 1));
  }

  private WarmupCalculator() {}

  /** The steps of a preset ({@code pct 0} = the empty bar). */
  public static List<WarmupStep> steps(WarmupPreset preset) {
    return PRESETS.get(preset);
  }

  /**
   * The warm-up a session gets: the configured protocol, or the minimal preset for a recovery
   * session or a working weight under 40 kg. No working weight, no warm-up.
   */
  public static List<WarmupSet> forSession(
      Double workingKg, WarmupProtocol configured, boolean recovery, double increment) {
    if (workingKg == null) {
      return List.of();
    }
    boolean minimal = recovery || workingKg < MINIMAL_BELOW_KG;
    List<WarmupStep> steps = minimal ? steps(WarmupPreset.MINIMAL) : stepsOf(configured);
    return compute(workingKg, steps, increment);
  }

  /**
   * Each step at max(bar, round(working × pct)); a step that repeats the previous emitted weight,
   * or is not lighter than the working weight, is dropped.
   */
  public static List<WarmupSet> compute(double workingKg, List<WarmupStep> steps, double increment) {
    WarmupSet[] sets = new WarmupSet[steps.size()];
    int count = 0;
    double previous = -1;
    for (int i = 0; i < steps.size(); i++) {
      WarmupStep step = steps.get(i);
      double weight =
          Math.max(Weights.BAR_KG, WeightRounding.round(workingKg * step.pct(), increment));
      if (weight == previous || weight >= workingKg) {
        continue;
      }
      sets[count] = new WarmupSet(count + 1, weight, step.reps());
      count++;
      previous = weight;
    }
    return List.of(count == sets.length ? sets : Arrays.copyOf(sets, count));
  }

  private static List<WarmupStep> stepsOf(WarmupProtocol protocol) {
    if (protocol instanceof WarmupProtocol.Custom custom) {
      return custom.steps();
    }
    if (protocol instanceof WarmupProtocol.Preset preset) {
      return steps(preset.name());
    }
    return steps(WarmupPreset.STANDARD);
  }

  private static List<WarmupStep> steps(double... pctReps) {
    List<WarmupStep> steps = new ArrayList<>();
    for (int i = 0; i < pctReps.length; i += 2) {
      steps.add(WarmupStep.of(pctReps[i], (int) pctReps[i + 1]));
    }
    return List.copyOf(steps);
  }
}

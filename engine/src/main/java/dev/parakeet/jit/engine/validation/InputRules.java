package dev.parakeet.jit.engine.validation;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.Landmark;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.WarmupProtocol;
import dev.parakeet.jit.engine.model.WarmupStep;
import dev.parakeet.jit.engine.model.Weights;
import dev.parakeet.jit.engine.model.config.BlockConfig;
import dev.parakeet.jit.engine.model.config.DeloadScheme;
import dev.parakeet.jit.engine.model.config.FixedScheme;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import dev.parakeet.jit.engine.model.config.RangeScheme;
import dev.parakeet.jit.engine.model.config.TrainingMaxIncrease;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The input rules that relate several values or need the merged view (SPEC §1.2, §2.2, §2.5): a
 * lifter's partial override is valid only if the configuration it produces is. Single-field
 * bounds are Jakarta annotations on the model; this class holds everything else, and is run by
 * the wire module after those bounds.
 */
public final class InputRules {

  private InputRules() {}

  /** Violations of the cross-field rules; empty when there are none. Null-tolerant. */
  public static List<Violation> check(JitInput input) {
    List<Violation> violations = new ArrayList<>();
    if (input.formulaConfig() != null) {
      checkFormulaConfig(FormulaConfig.resolve(input.formulaConfig()), violations);
    }
    if (input.mrvMevConfig() != null) {
      checkLandmarks(input.mrvMevConfig(), violations);
    }
    if (input.warmupConfig() instanceof WarmupProtocol.Custom custom) {
      checkRamp(custom.steps(), violations);
    }
    return violations;
  }

  /**
   * A custom warm-up ramps up: each step's fraction of the working weight is above the one before
   * it (SPEC §1.2). A descending or repeated step is a typo the lifter should hear about, not a
   * ramp to follow.
   */
  private static void checkRamp(List<WarmupStep> steps, List<Violation> out) {
    if (steps == null) {
      return;
    }
    Double previous = null;
    for (int i = 0; i < steps.size(); i++) {
      WarmupStep step = steps.get(i);
      Double pct = step == null ? null : step.pct();
      if (pct != null && previous != null && pct <= previous) {
        out.add(
            new Violation(
                "warmupConfig.steps[" + i + "].pct",
                "must be greater than the previous step's pct (" + Weights.format(previous) + "), was "
                    + Weights.format(pct)));
      }
      if (pct != null) {
        previous = pct;
      }
    }
  }

  /**
   * The increments a lifter can load: the divisors of the bar's 20 kg, so the bar is always on the
   * grid and a pair of plates of half the increment makes one step.
   */
  static final List<Double> LOADABLE_INCREMENTS = List.of(0.5, 1.0, 1.25, 2.0, 2.5, 4.0, 5.0, 10.0);

  private static void checkFormulaConfig(FormulaConfig config, List<Violation> out) {
    Double increment = config.roundingIncrementKg();
    if (increment != null && !LOADABLE_INCREMENTS.contains(increment)) {
      out.add(
          new Violation(
              "formulaConfig.rounding_increment_kg",
              "must be one of 0.5, 1, 1.25, 2, 2.5, 4, 5, 10 (a divisor of the 20 kg bar), was "
                  + Weights.format(increment)));
    }
    for (int block = 1; block <= 3; block++) {
      BlockConfig row = config.block(block);
      String path = "formulaConfig.block" + block;
      checkFixed(row.heavy(), path + ".heavy", out);
      checkFixed(row.explosive(), path + ".explosive", out);
      checkRange(row.rep(), path + ".rep", out);
    }
    DeloadScheme deload = config.deload();
    checkRpeStep(deload.rpeTarget(), "formulaConfig.deload.rpe_target", out);
    TrainingMaxIncrease tmi = config.trainingMaxIncrease();
    String tmiPath = "formulaConfig.training_max_increase.";
    checkOrdered(tmi.benchMin(), tmi.benchMax(), tmiPath, "bench_min", "bench_max", out);
    checkOrdered(tmi.squatMin(), tmi.squatMax(), tmiPath, "squat_min", "squat_max", out);
    checkOrdered(tmi.deadliftMin(), tmi.deadliftMax(), tmiPath, "deadlift_min", "deadlift_max", out);
  }

  private static void checkFixed(FixedScheme scheme, String path, List<Violation> out) {
    checkRpeStep(scheme.rpeTarget(), path + ".rpe_target", out);
    if (scheme.repsMax() != null) {
      checkOrdered(scheme.reps(), scheme.repsMax(), path + ".", "reps", "reps_max", out);
    }
  }

  private static void checkRange(RangeScheme scheme, String path, List<Violation> out) {
    checkRpeStep(scheme.rpeTarget(), path + ".rpe_target", out);
    checkOrdered(scheme.setsMin(), scheme.setsMax(), path + ".", "sets_min", "sets_max", out);
    checkOrdered(scheme.repsMin(), scheme.repsMax(), path + ".", "reps_min", "reps_max", out);
  }

  /** RPE targets move in half points: 8, 8.5, 9. */
  private static void checkRpeStep(Double rpe, String path, List<Violation> out) {
    if (rpe != null && Math.abs(rpe * 2 - Math.rint(rpe * 2)) > 1e-9) {
      out.add(new Violation(path, "must be in steps of 0.5, was " + Weights.format(rpe)));
    }
  }

  private static void checkOrdered(
      Number low, Number high, String prefix, String lowName, String highName, List<Violation> out) {
    if (low != null && high != null && low.doubleValue() > high.doubleValue()) {
      out.add(
          new Violation(
              prefix + lowName,
              "must not exceed " + highName + " (" + Weights.format(high.doubleValue()) + "), was "
                  + Weights.format(low.doubleValue())));
    }
  }

  private static void checkLandmarks(Map<Muscle, Landmark> overrides, List<Violation> out) {
    overrides.forEach(
        (muscle, landmark) -> {
          if (landmark != null
              && landmark.mev() != null
              && landmark.mrv() != null
              && landmark.mrv() <= landmark.mev()) {
            out.add(
                new Violation(
                    "mrvMevConfig." + muscle.wire() + ".mrv",
                    "must be greater than mev (" + landmark.mev() + "), was " + landmark.mrv()));
          }
        });
  }
}

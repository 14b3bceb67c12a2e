package dev.parakeet.jit.engine.testing;

import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.Weights;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compact, VECTORS.md-style descriptions of an output, for readable assertions: {@code "2×5 @112.5"}
 * for uniform sets, {@code "45×5, 67.5×3"} for warm-ups, {@code "skipped"} for skipped work.
 */
public final class Describe {

  private Describe() {}

  /** Main sets as "n×r @w", "none" when there are none, or each set when they differ. */
  public static String main(JitOutput out) {
    return sets(out.mainLiftSets());
  }

  public static String sets(List<PlannedSet> sets) {
    if (sets.isEmpty()) {
      return "none";
    }
    PlannedSet first = sets.get(0);
    boolean uniform =
        sets.stream().allMatch(s -> s.weightKg() == first.weightKg() && s.reps() == first.reps());
    if (uniform) {
      return sets.size() + "×" + first.reps() + " @" + Weights.format(first.weightKg());
    }
    return sets.stream()
        .map(s -> "1×" + s.reps() + " @" + Weights.format(s.weightKg()))
        .collect(Collectors.joining(" + "));
  }

  /** Warm-ups as "w×r, w×r". */
  public static String warmups(JitOutput out) {
    return out.warmupSets().stream()
        .map(w -> Weights.format(w.weightKg()) + "×" + w.reps())
        .collect(Collectors.joining(", "));
  }

  /** Each auxiliary exercise as "n×r @w" or "skipped". */
  public static List<String> aux(JitOutput out) {
    return out.auxiliaryWork().stream().map(Describe::aux).toList();
  }

  public static String aux(AuxiliaryWork work) {
    return work.skipped() ? "skipped" : sets(work.sets());
  }

  public static String rationale(JitOutput out) {
    return String.join(" | ", out.rationale());
  }

  public static String warnings(JitOutput out) {
    return String.join(" | ", out.warnings());
  }
}

package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.PlannedSet;
import java.util.List;

/**
 * The programmed sets before any adjustment (SPEC §2.3). Every strategy starts here: the base
 * weight and set count are what modifiers, bounds and divergence are measured against.
 */
public record BaseSets(List<PlannedSet> sets, double weightKg) {

  public BaseSets {
    sets = List.copyOf(sets);
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("a programme has at least one set");
    }
  }

  public int count() {
    return sets.size();
  }

  public PlannedSet first() {
    return sets.get(0);
  }

  public int reps() {
    return first().reps();
  }

  public double rpeTarget() {
    return first().rpeTarget();
  }

  /**
   * The first {@code count} base sets at {@code weightKg}, numbered from 1. A count beyond the
   * base repeats the last base set, as an added set does.
   */
  public List<PlannedSet> take(int count, double weightKg) {
    if (weightKg == this.weightKg && count <= sets.size()) {
      // Unchanged load: the programmed sets themselves (already numbered from 1) will do.
      return count == sets.size() ? sets : List.copyOf(sets.subList(0, count));
    }
    PlannedSet[] taken = new PlannedSet[count];
    for (int i = 0; i < count; i++) {
      PlannedSet template = sets.get(Math.min(i, sets.size() - 1));
      taken[i] = new PlannedSet(i + 1, weightKg, template.reps(), template.rpeTarget(), template.repsRange());
    }
    return List.of(taken);
  }
}

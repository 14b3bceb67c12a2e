package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.Muscle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Soreness ratings 1..5 per muscle; a muscle not rated counts as 1 (fresh). */
public final class MuscleRatings {

  public static final int FRESH = 1;
  public static final int SEVERE = 5;

  private final int[] levels;

  private MuscleRatings(int[] levels) {
    this.levels = levels;
  }

  public static MuscleRatings of(Map<Muscle, Integer> ratings) {
    int[] levels = new int[Muscle.values().length];
    Arrays.fill(levels, FRESH);
    if (ratings != null) {
      for (Map.Entry<Muscle, Integer> rating : ratings.entrySet()) {
        levels[rating.getKey().ordinal()] = rating.getValue();
      }
    }
    return new MuscleRatings(levels);
  }

  public int level(Muscle muscle) {
    return levels[muscle.ordinal()];
  }

  /** The highest rating among {@code muscles}, and which muscle has it (first on ties). */
  public Worst worst(List<Muscle> muscles) {
    Muscle worstMuscle = null;
    int worstLevel = FRESH;
    // Indexed: the lists are tiny and this runs several times a session.
    for (int i = 0; i < muscles.size(); i++) {
      Muscle muscle = muscles.get(i);
      int level = levels[muscle.ordinal()];
      if (worstMuscle == null || level > worstLevel) {
        worstMuscle = muscle;
        worstLevel = level;
      }
    }
    return new Worst(worstMuscle, worstLevel);
  }

  /** A worst rating; {@code muscle} is null only when no muscle was asked about. */
  public record Worst(Muscle muscle, int level) {}
}

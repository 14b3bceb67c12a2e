package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.BiologicalSex;
import dev.parakeet.jit.engine.model.Landmark;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Default MEV/MRV per muscle and sex, override merging, and volume status (SPEC §2.5). */
public final class VolumeLandmarks {

  private static final Map<Muscle, Landmark> MALE = table(
      8, 20, 6, 20, 0, 16, 6, 12, 10, 22, 8, 22, 6, 20, 8, 20, 8, 20);
  private static final Map<Muscle, Landmark> FEMALE = table(
      10, 26, 8, 25, 0, 20, 7, 15, 12, 28, 10, 26, 8, 24, 10, 24, 10, 24);

  private static final MuscleLandmarks MALE_INDEXED = MuscleLandmarks.of(MALE);
  private static final MuscleLandmarks FEMALE_INDEXED = MuscleLandmarks.of(FEMALE);

  private VolumeLandmarks() {}

  /** The default table for {@code sex}; an absent sex uses the male table. */
  public static Map<Muscle, Landmark> defaults(BiologicalSex sex) {
    return sex == BiologicalSex.FEMALE ? FEMALE : MALE;
  }

  /** The lifter's overrides (any subset of muscles) merged over the defaults for their sex. */
  public static Map<Muscle, Landmark> resolve(BiologicalSex sex, Map<Muscle, Landmark> overrides) {
    if (overrides == null || overrides.isEmpty()) {
      return defaults(sex);
    }
    EnumMap<Muscle, Landmark> merged = new EnumMap<>(defaults(sex));
    merged.putAll(overrides);
    return Collections.unmodifiableMap(merged);
  }

  /** {@link #resolve} as the indexed table the generation path reads; the defaults are shared. */
  public static MuscleLandmarks resolveIndexed(BiologicalSex sex, Map<Muscle, Landmark> overrides) {
    if (overrides == null || overrides.isEmpty()) {
      return sex == BiologicalSex.FEMALE ? FEMALE_INDEXED : MALE_INDEXED;
    }
    return MuscleLandmarks.of(resolve(sex, overrides));
  }

  public static LandmarkStatus status(Landmark landmark, double weeklySets) {
    if (weeklySets > landmark.mrv()) {
      return LandmarkStatus.EXCEEDED_MRV;
    }
    if (weeklySets == landmark.mrv()) {
      return LandmarkStatus.AT_MRV;
    }
    if (landmark.mrv() - weeklySets <= 2) {
      return LandmarkStatus.APPROACHING_MRV;
    }
    return weeklySets >= landmark.mev() ? LandmarkStatus.IN_RANGE : LandmarkStatus.BELOW_MEV;
  }

  /** Sets left before the MRV; negative once it is exceeded. */
  public static double remainingCapacity(Landmark landmark, double weeklySets) {
    return landmark.mrv() - weeklySets;
  }

  /** MEV/MRV pairs in {@link Muscle} declaration order. */
  private static Map<Muscle, Landmark> table(int... mevMrv) {
    EnumMap<Muscle, Landmark> table = new EnumMap<>(Muscle.class);
    for (Muscle muscle : Muscle.values()) {
      int i = muscle.ordinal() * 2;
      table.put(muscle, Landmark.of(mevMrv[i], mevMrv[i + 1]));
    }
    return Collections.unmodifiableMap(table);
  }
}

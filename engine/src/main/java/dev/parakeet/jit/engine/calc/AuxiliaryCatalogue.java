package dev.parakeet.jit.engine.calc;

import static dev.parakeet.jit.engine.model.Muscle.BICEPS;
import static dev.parakeet.jit.engine.model.Muscle.CHEST;
import static dev.parakeet.jit.engine.model.Muscle.GLUTES;
import static dev.parakeet.jit.engine.model.Muscle.HAMSTRINGS;
import static dev.parakeet.jit.engine.model.Muscle.LOWER_BACK;
import static dev.parakeet.jit.engine.model.Muscle.QUADS;
import static dev.parakeet.jit.engine.model.Muscle.SHOULDERS;
import static dev.parakeet.jit.engine.model.Muscle.TRICEPS;
import static dev.parakeet.jit.engine.model.Muscle.UPPER_BACK;

import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The muscles each known auxiliary exercise trains (SPEC §2.8). Names match case-insensitively
 * and ignoring surrounding spaces; an exercise not listed is taken to train the main lift's
 * primary muscles, which keeps soreness and MRV checks on the safe side.
 */
public final class AuxiliaryCatalogue {

  private static final Map<String, List<Muscle>> MUSCLES = new HashMap<>();

  /**
   * The same entries under the names as the catalogue spells them, so the usual case — a name
   * exactly as listed — is found without stripping and lower-casing a new key (the input's
   * strings keep their hash codes). Anything else falls back to {@link #MUSCLES}.
   */
  private static final Map<String, List<Muscle>> EXACT = new HashMap<>();

  static {
    List<Muscle> squatPattern = List.of(QUADS, GLUTES);
    List<Muscle> pressPattern = List.of(CHEST, TRICEPS);
    List<Muscle> hingePattern = List.of(HAMSTRINGS, GLUTES, LOWER_BACK);
    List<Muscle> pullPattern = List.of(UPPER_BACK, BICEPS);
    add(squatPattern, "Pause Squat", "Box Squat", "Front Squat", "Leg Press", "Bulgarian Split Squat",
        "Hack Squat", "Safety Bar Squat", "Pin Squat", "Tempo Squat", "High Bar Squat");
    add(pressPattern, "Close-Grip Bench", "Close Grip Bench", "Close-Grip Bench Press", "Incline Bench",
        "Incline Bench Press", "Dips", "Pause Bench", "Spoto Press", "Larsen Press", "Floor Press",
        "Board Press", "Dumbbell Bench Press");
    add(List.of(SHOULDERS, TRICEPS), "Overhead Press", "Push Press", "Dumbbell Shoulder Press");
    add(hingePattern, "Romanian Deadlift", "Good Morning", "Deficit Deadlift", "Block Pull",
        "Stiff-Leg Deadlift", "Pause Deadlift", "Rack Pull", "Sumo Deadlift", "Conventional Deadlift");
    add(pullPattern, "Barbell Row", "Pull-Up", "Pull Up", "Chin-Up", "Pendlay Row",
        "Dumbbell Row", "Lat Pulldown", "Seal Row");
    add(List.of(BICEPS), "Barbell Curl", "Dumbbell Curl", "Hammer Curl");
    add(List.of(TRICEPS), "Skull Crusher", "Triceps Pushdown", "JM Press");
    add(List.of(HAMSTRINGS), "Leg Curl", "Nordic Curl");
    add(List.of(QUADS), "Leg Extension");
    add(List.of(GLUTES, HAMSTRINGS), "Hip Thrust", "Glute Ham Raise");
    add(List.of(LOWER_BACK), "Back Extension", "Hyperextension");
    add(List.of(SHOULDERS), "Lateral Raise", "Face Pull");
    // Should two names share a key, the later entry wins in both maps.
    EXACT.replaceAll((name, muscles) -> MUSCLES.get(key(name)));
  }

  private AuxiliaryCatalogue() {}

  /** The catalogued muscles of {@code exercise}, or {@code lift}'s primary muscles when unknown. */
  public static List<Muscle> musclesOf(String exercise, Lift lift) {
    List<Muscle> muscles = EXACT.get(exercise);
    if (muscles == null) {
      muscles = MUSCLES.get(key(exercise));
    }
    return muscles != null ? muscles : LiftMuscles.primaryMuscles(lift);
  }

  /** Whether {@code exercise} is in the catalogue. */
  public static boolean knows(String exercise) {
    return EXACT.containsKey(exercise) || MUSCLES.containsKey(key(exercise));
  }

  private static void add(List<Muscle> muscles, String... names) {
    for (String name : names) {
      MUSCLES.put(key(name), muscles);
      EXACT.put(name, muscles);
    }
  }

  /** How exercise names match everywhere: case-insensitively, ignoring surrounding spaces. */
  public static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}

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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exercise catalogue (SPEC §2.8): for each auxiliary exercise, the muscles it trains, the lift
 * it is loaded from, the fraction of that lift's 1RM and the rep target. Every load sits below
 * what the lifter can do for its reps (a test holds each row to the Brzycki ceiling), so a
 * catalogue prescription is submaximal work by construction.
 *
 * <p>Names match ignoring case, spaces, hyphens and one final "s" ({@link #key}): "Pull-ups" is
 * Pull-Up, "good mornings" is Good Morning. An exercise the catalogue does not know trains the
 * main lift's primary muscles and is loaded at 0.50 of today's 1RM for 10: a guess that keeps
 * soreness, MRV and injury checks on the safe side (it counts against the muscles that are
 * certainly working today) and a load light enough for most movements.
 */
public final class AuxiliaryCatalogue {

  /** Load and reps of an exercise the catalogue does not know. */
  public static final double UNKNOWN_LOAD = 0.50;

  public static final int UNKNOWN_REPS = 10;

  private static final List<AuxiliaryExercise> ROWS = new ArrayList<>();

  /** By {@link #key}, every row under its name and its other spellings. */
  private static final Map<String, AuxiliaryExercise> BY_KEY = new HashMap<>();

  /**
   * The same rows under the names exactly as written here, so the usual case — a name spelled as
   * listed — is found without building a key (the input's strings keep their hash codes).
   */
  private static final Map<String, AuxiliaryExercise> EXACT = new HashMap<>();

  private static final Map<Lift, AuxiliaryExercise> UNKNOWN = new EnumMap<>(Lift.class);

  static {
    List<Muscle> squat = List.of(QUADS, GLUTES);
    List<Muscle> press = List.of(CHEST, TRICEPS);
    List<Muscle> overhead = List.of(SHOULDERS, TRICEPS);
    List<Muscle> hinge = List.of(HAMSTRINGS, GLUTES, LOWER_BACK);
    List<Muscle> pull = List.of(UPPER_BACK, BICEPS);

    // The rows SPEC §2.8 requires.
    loaded("Pause Squat", squat, Lift.SQUAT, 0.70, 5,
        "a pause in the hole removes the stretch reflex: lighter than the squat, for fives");
    loaded("Box Squat", squat, Lift.SQUAT, 0.70, 5,
        "sitting back to a box takes away the rebound, as a pause does");
    loaded("Front Squat", squat, Lift.SQUAT, 0.65, 5,
        "the upper back has to hold the bar in front: about two thirds of the back squat");
    loaded("Leg Press", squat, Lift.SQUAT, 0.50, 12,
        "legs without the back: volume work, half the squat for twelve");
    loaded("Bulgarian Split Squat", squat, Lift.SQUAT, 0.30, 10,
        "one leg at a time: under a third of the squat for tens");
    loaded("Close-Grip Bench", press, Lift.BENCH, 0.75, 6,
        "the bench with more triceps: close to the competition lift, for sixes");
    loaded("Incline Bench", press, Lift.BENCH, 0.65, 8,
        "a steeper angle costs about a third of the bench");
    bodyweight("Dips", press, 10, "bodyweight pressing for chest and triceps");
    loaded("Overhead Press", overhead, Lift.BENCH, 0.55, 8,
        "shoulders press about half what the chest does");
    loaded("Romanian Deadlift", hinge, Lift.DEADLIFT, 0.55, 8,
        "the hinge without the floor: hamstrings under stretch, moderate load for eights");
    loaded("Good Morning", hinge, Lift.DEADLIFT, 0.35, 10,
        "the bar on the back makes a long lever: light, for tens");
    loaded("Deficit Deadlift", hinge, Lift.DEADLIFT, 0.70, 4,
        "a longer pull from a platform: strength off the floor, low reps");
    loaded("Block Pull", hinge, Lift.DEADLIFT, 0.85, 4,
        "a shorter pull from blocks: heavy lockout work, low reps");
    loaded("Barbell Row", pull, Lift.DEADLIFT, 0.40, 8,
        "the upper back rows a fraction of what the hips pull");
    bodyweight("Pull-Up", pull, 8, "bodyweight pulling for the upper back");
    loaded("Barbell Curl", List.of(BICEPS), Lift.BENCH, 0.25, 10,
        "small muscle, small load: a quarter of the bench");
    loaded("Skull Crusher", List.of(TRICEPS), Lift.BENCH, 0.25, 10,
        "elbow extension on a long lever: a quarter of the bench");

    // Common variants, so that they are not loaded as unknown exercises.
    loaded("Safety Bar Squat", squat, Lift.SQUAT, 0.70, 5,
        "the cambered yoke shifts the load forward: a little under the squat");
    loaded("Pin Squat", squat, Lift.SQUAT, 0.65, 5, "from a dead stop on pins: lighter than a pause");
    loaded("Tempo Squat", squat, Lift.SQUAT, 0.60, 5, "a slow descent adds time under tension");
    loaded("High Bar Squat", squat, Lift.SQUAT, 0.75, 5, "a more upright squat, close to the lift");
    loaded("Hack Squat", squat, Lift.SQUAT, 0.50, 10, "a machine squat: volume, like the leg press");
    loaded("Leg Extension", List.of(QUADS), Lift.SQUAT, 0.15, 12,
        "quads alone on a machine: a light start to adjust");
    loaded("Pause Bench", press, Lift.BENCH, 0.75, 5, "a longer pause on the chest than in competition");
    loaded("Spoto Press", press, Lift.BENCH, 0.75, 5, "stopped just above the chest: control off it");
    loaded("Larsen Press", press, Lift.BENCH, 0.70, 6, "legs up, no leg drive: lighter than the bench");
    loaded("Floor Press", press, Lift.BENCH, 0.75, 6, "a shorter range from the floor, lockout work");
    loaded("Board Press", press, Lift.BENCH, 0.85, 4, "a short range on boards: heavy lockout work");
    loaded("Dumbbell Bench Press", press, Lift.BENCH, 0.30, 10,
        "each dumbbell about a third of the bench");
    bodyweight("Push-Up", press, 15, "bodyweight pressing, higher reps");
    loaded("Push Press", overhead, Lift.BENCH, 0.65, 5, "leg drive lets the press go a little heavier");
    loaded("Dumbbell Shoulder Press", overhead, Lift.BENCH, 0.20, 10,
        "each dumbbell a fifth of the bench");
    loaded("Lateral Raise", List.of(SHOULDERS), Lift.BENCH, 0.08, 15,
        "a long lever on a small muscle: very light, high reps");
    loaded("Face Pull", List.of(SHOULDERS), Lift.BENCH, 0.15, 15, "rear shoulders on a cable: light, high reps");
    loaded("Stiff-Leg Deadlift", hinge, Lift.DEADLIFT, 0.50, 8, "straight legs load the hamstrings: moderate");
    loaded("Pause Deadlift", hinge, Lift.DEADLIFT, 0.65, 3, "a pause below the knee: position work");
    loaded("Rack Pull", hinge, Lift.DEADLIFT, 0.85, 4, "a shorter pull from pins, like a block pull");
    loaded("Sumo Deadlift", hinge, Lift.DEADLIFT, 0.70, 4, "the other stance as a variation: lighter");
    loaded("Conventional Deadlift", hinge, Lift.DEADLIFT, 0.70, 4, "the other stance as a variation: lighter");
    bodyweight("Chin-Up", pull, 8, "bodyweight pulling, palms facing");
    loaded("Pendlay Row", pull, Lift.DEADLIFT, 0.40, 6, "a row from the floor each rep, as heavy as a barbell row");
    loaded("Seal Row", pull, Lift.DEADLIFT, 0.30, 8, "chest supported, no help from the hips");
    loaded("Dumbbell Row", pull, Lift.DEADLIFT, 0.20, 10, "one arm at a time: a fifth of the deadlift");
    loaded("Lat Pulldown", pull, Lift.DEADLIFT, 0.30, 10, "a machine pull-up: moderate, for tens");
    loaded("Dumbbell Curl", List.of(BICEPS), Lift.BENCH, 0.10, 12, "each dumbbell a tenth of the bench");
    loaded("Hammer Curl", List.of(BICEPS), Lift.BENCH, 0.10, 12, "each dumbbell a tenth of the bench");
    loaded("Triceps Pushdown", List.of(TRICEPS), Lift.BENCH, 0.20, 12, "triceps on a cable: light, twelves");
    loaded("JM Press", List.of(TRICEPS), Lift.BENCH, 0.40, 8, "between a close-grip bench and a skull crusher");
    loaded("Leg Curl", List.of(HAMSTRINGS), Lift.DEADLIFT, 0.15, 12,
        "hamstrings alone on a machine: a light start to adjust");
    bodyweight("Nordic Curl", List.of(HAMSTRINGS), 5, "bodyweight eccentric hamstring work: hard, low reps");
    loaded("Hip Thrust", List.of(GLUTES, HAMSTRINGS), Lift.SQUAT, 0.60, 10, "glutes with the back unloaded");
    bodyweight("Glute Ham Raise", List.of(GLUTES, HAMSTRINGS), 8, "bodyweight knee flexion and hip extension");
    bodyweight("Back Extension", List.of(LOWER_BACK), 12, "bodyweight spinal erector work");

    // Other spellings of the same exercise: not separate rows.
    alias("Close-Grip Bench", "Close-Grip Bench Press");
    alias("Incline Bench", "Incline Bench Press");
    alias("Back Extension", "Hyperextension");

    for (Lift lift : Lift.values()) {
      UNKNOWN.put(
          lift,
          new AuxiliaryExercise(
              "(not in the catalogue)", LiftMuscles.primaryMuscles(lift), lift, UNKNOWN_LOAD, UNKNOWN_REPS,
              "unknown: counted against the " + lift.wire() + "'s muscles, half of today's 1RM"));
    }
  }

  private AuxiliaryCatalogue() {}

  /** The catalogue's row for {@code exercise}, or the unknown-exercise row for today's {@code lift}. */
  public static AuxiliaryExercise lookup(String exercise, Lift lift) {
    AuxiliaryExercise row = find(exercise);
    return row != null ? row : UNKNOWN.get(lift);
  }

  /** The catalogue's row for {@code exercise}, or {@code null} when it is not in the catalogue. */
  public static AuxiliaryExercise find(String exercise) {
    AuxiliaryExercise row = EXACT.get(exercise);
    return row != null ? row : BY_KEY.get(key(exercise));
  }

  /** Whether {@code exercise} is in the catalogue. */
  public static boolean knows(String exercise) {
    return find(exercise) != null;
  }

  /** The muscles {@code exercise} trains, or {@code lift}'s primary muscles when it is unknown. */
  public static List<Muscle> musclesOf(String exercise, Lift lift) {
    return lookup(exercise, lift).muscles();
  }

  /** Every row, in catalogue order (the rows SPEC §2.8 requires first). */
  public static List<AuxiliaryExercise> rows() {
    return List.copyOf(ROWS);
  }

  /**
   * How exercise names match everywhere (the catalogue, a model's overrides): case-insensitively,
   * ignoring spaces and hyphens, and one final "s" — {@code "Pull-ups"} and {@code "pull up"} are
   * both {@code "pullup"}.
   */
  public static String key(String name) {
    // A plain loop: names the catalogue does not spell exactly come through here on every lookup.
    char[] kept = new char[name.length()];
    int length = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        kept[length++] = c;
      }
    }
    String lower = new String(kept, 0, length).toLowerCase(Locale.ROOT);
    return lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static void loaded(
      String name, List<Muscle> muscles, Lift from, double load, int reps, String why) {
    add(new AuxiliaryExercise(name, muscles, from, load, reps, why));
  }

  private static void bodyweight(String name, List<Muscle> muscles, int reps, String why) {
    add(new AuxiliaryExercise(name, muscles, null, 0, reps, why));
  }

  private static void add(AuxiliaryExercise row) {
    ROWS.add(row);
    register(row.name(), row);
  }

  private static void alias(String name, String alias) {
    register(alias, EXACT.get(name));
  }

  private static void register(String spelling, AuxiliaryExercise row) {
    AuxiliaryExercise previous = BY_KEY.put(key(spelling), row);
    if (previous != null && previous != row) {
      // Two rows that one spelling could mean: the catalogue itself would be ambiguous.
      throw new IllegalStateException(spelling + " matches both " + previous.name() + " and " + row.name());
    }
    EXACT.put(spelling, row);
  }
}

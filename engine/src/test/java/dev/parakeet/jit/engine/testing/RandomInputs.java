package dev.parakeet.jit.engine.testing;

import dev.parakeet.jit.engine.model.BiologicalSex;
import dev.parakeet.jit.engine.model.Confidence;
import dev.parakeet.jit.engine.model.DisruptionStatus;
import dev.parakeet.jit.engine.model.DisruptionType;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitInputBuilder;
import dev.parakeet.jit.engine.model.Landmark;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.MenstrualPhase;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.RecentLog;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import dev.parakeet.jit.engine.model.WarmupPreset;
import dev.parakeet.jit.engine.model.WarmupProtocol;
import dev.parakeet.jit.engine.model.WarmupStep;
import dev.parakeet.jit.engine.model.config.BlockConfig;
import dev.parakeet.jit.engine.model.config.DeloadScheme;
import dev.parakeet.jit.engine.model.config.FixedScheme;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import dev.parakeet.jit.engine.model.config.ProgressiveOverload;
import dev.parakeet.jit.engine.model.config.RangeScheme;
import dev.parakeet.jit.engine.model.config.TrainingMaxIncrease;
import dev.parakeet.jit.engine.port.AuxAction;
import dev.parakeet.jit.engine.port.AuxOverride;
import dev.parakeet.jit.engine.port.JitAdjustment;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Seeded generator of random but <b>valid</b> inputs: every value respects the Jakarta bounds on
 * the model records and the cross-field {@code InputRules} (sets_min ≤ sets_max, reps ≤ reps_max,
 * RPE in half points, mrv &gt; mev, on the merged configuration). The same seed always yields the
 * same sequence, so a failing case can be replayed from its seed and index.
 *
 * <p>Distributions favour the interesting edges: soreness 4–5, weekly volume at or beyond the
 * MRV, light 1RMs near the bar, every loadable rounding increment (0.5 … 10 kg), disruptions of every
 * type, severity and status, custom warm-ups (strictly increasing, as SPEC §1.2 requires), the
 * lifter's other 1RMs, and exercise names in the catalogue's other spellings.
 */
public final class RandomInputs {

  /** The seed the engine's own property tests use. */
  public static final long DEFAULT_SEED = 0x5EED_2026_11_24L;

  /** Catalogue names (spec §2.8) in assorted casing, plus names the catalogue does not know. */
  static final List<String> EXERCISES =
      List.of(
          "Pause Squat", "Box Squat", "Front Squat", "Leg Press", "Bulgarian Split Squat",
          "Close-Grip Bench", "Incline Bench", "Dips", "Overhead Press", "Romanian Deadlift",
          "Good Morning", "Deficit Deadlift", "Block Pull", "Barbell Row", "Pull-Up",
          "Barbell Curl", "Skull Crusher", "pause squat", "BOX SQUAT", "  Barbell Row ",
          "Pull-ups", "Good Mornings", "close grip bench", "Chin-Up", "Hip Thrust", "Leg Curl",
          "Sled Push", "Zercher Carry", "Belt Squat");

  static final double[] INCREMENTS = {0.5, 1.0, 1.25, 2.0, 2.5, 4.0, 5.0, 10.0};

  private final Random random;
  private int count;

  public RandomInputs(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} inputs from {@code seed}. */
  public static Stream<JitInput> stream(long seed, int count) {
    RandomInputs inputs = new RandomInputs(seed);
    return Stream.generate(inputs::next).limit(count);
  }

  /** The next random valid input. */
  public JitInput next() {
    int index = count++;
    JitInputBuilder b =
        JitInputBuilder.session(
            "rand-" + index,
            1 + random.nextInt(3),
            pick(Lift.values()),
            pick(IntensityType.values()),
            oneRm());
    b.weekNumber(1 + random.nextInt(520));
    maybe(0.3, () -> b.allOneRmKg(otherOneRms()));
    maybe(0.45, () -> b.formulaConfig(formulaConfig()));
    maybe(0.6, () -> b.sorenessRatings(soreness()));
    maybe(0.25, () -> b.auxiliarySorenessRatings(soreness()));
    maybe(0.6, () -> b.weeklyVolumeToDate(weeklyVolume()));
    maybe(0.3, () -> b.mrvMevConfig(landmarks()));
    maybe(0.85, () -> b.activeAuxiliaries(auxiliaries()));
    maybe(0.6, () -> b.recentLogs(logs()));
    maybe(0.4, () -> b.activeDisruptions(disruptions()));
    maybe(0.6, () -> b.warmupConfig(warmup()));
    maybe(0.6, () -> b.biologicalSex(pick(BiologicalSex.values())));
    maybe(0.6, () -> b.daysSinceLastSession(days()));
    maybe(0.35, () -> b.menstrualPhase(pick(MenstrualPhase.values())));
    maybe(0.3, () -> b.sleepHours(random.nextInt(49) / 2.0));
    maybe(0.3, () -> b.sleepQuality(1.0 + random.nextInt(5)));
    maybe(0.2, () -> b.hrvScore(random.nextInt(200) * 1.0));
    maybe(0.3, () -> b.bodyWeightKg(40 + random.nextInt(1200) / 10.0));
    maybe(0.2, () -> b.userAge(16.0 + random.nextInt(60)));
    maybe(0.1, () -> b.extra("stressLevel", random.nextInt(10)));
    return b.build();
  }

  /**
   * A random adjustment within the bounds of SPEC §5.1, as a well-behaved model adapter would
   * hand it over. Overrides name the input's auxiliaries in other casing, and sometimes unknown
   * exercises.
   */
  public JitAdjustment nextAdjustment(JitInput input) {
    double intensity = (40 + random.nextInt(81)) / 100.0; // 0.40..1.20, exact hundredths
    int setModifier = -3 + random.nextInt(6); // -3..+2
    boolean skip = random.nextDouble() < 0.1;
    List<AuxOverride> overrides = new ArrayList<>();
    List<String> active = input.activeAuxiliaries() == null ? List.of() : input.activeAuxiliaries();
    for (String exercise : active) {
      if (random.nextDouble() < 0.6) {
        String name = random.nextBoolean() ? exercise.toLowerCase(Locale.ROOT) : exercise.strip();
        overrides.add(new AuxOverride(name, pick(AuxAction.values())));
      }
    }
    if (random.nextDouble() < 0.2) {
      overrides.add(new AuxOverride("Not An Active Exercise", pick(AuxAction.values())));
    }
    List<String> rationale = new ArrayList<>();
    int lines = 1 + random.nextInt(5);
    for (int i = 0; i < lines; i++) {
      rationale.add("Random reason " + i + " (" + random.nextInt(1000) + ")");
    }
    return new JitAdjustment(
        intensity, setModifier, skip, overrides, rationale, pick(Confidence.values()));
  }

  private double oneRm() {
    double r = random.nextDouble();
    if (r < 0.15) {
      return 20 + random.nextInt(41); // near the bar: 20..60
    }
    if (r < 0.55) {
      return 20 + random.nextInt(2321) / 4.0; // quarter kilos, 20..600
    }
    return Math.round((20 + random.nextDouble() * 580) * 100) / 100.0; // arbitrary, 20..600
  }

  /** Some of the lifter's other 1RMs, light and heavy relative to today's. */
  private Map<Lift, Double> otherOneRms() {
    Map<Lift, Double> oneRms = new EnumMap<>(Lift.class);
    for (Lift lift : Lift.values()) {
      if (chance(0.6)) {
        oneRms.put(lift, oneRm());
      }
    }
    return oneRms;
  }

  private FormulaConfig formulaConfig() {
    return new FormulaConfig(
        chance(0.4) ? block() : null,
        chance(0.4) ? block() : null,
        chance(0.4) ? block() : null,
        chance(0.3) ? deload() : null,
        chance(0.1) ? new ProgressiveOverload(random.nextInt(21) / 100.0) : null,
        chance(0.1) ? trainingMaxIncrease() : null,
        chance(0.6) ? INCREMENTS[random.nextInt(INCREMENTS.length)] : null);
  }

  private BlockConfig block() {
    return new BlockConfig(
        chance(0.6) ? fixed() : null, chance(0.6) ? fixed() : null, chance(0.6) ? range() : null);
  }

  /**
   * Either a percentage alone (the merged reps/reps_max stay the defaults, which are valid) or a
   * whole row whose reps_max is at least its reps (reps_max = reps means "no range"), so that the
   * merged row never has reps &gt; reps_max.
   */
  private FixedScheme fixed() {
    if (chance(0.4)) {
      return new FixedScheme(pct(0.40, 1.05), null, null, null, null);
    }
    int reps = 1 + random.nextInt(20);
    int repsMax = chance(0.5) ? reps : reps + random.nextInt(21 - reps);
    return new FixedScheme(pct(0.40, 1.05), 1 + random.nextInt(10), reps, repsMax, rpe());
  }

  private RangeScheme range() {
    if (chance(0.4)) {
      return new RangeScheme(pct(0.40, 1.05), null, null, null, null, null);
    }
    int setsMin = 1 + random.nextInt(10);
    int setsMax = setsMin + random.nextInt(11 - setsMin);
    int repsMin = 1 + random.nextInt(20);
    int repsMax = repsMin + random.nextInt(21 - repsMin);
    return new RangeScheme(pct(0.40, 1.05), setsMin, setsMax, repsMin, repsMax, rpe());
  }

  private DeloadScheme deload() {
    return new DeloadScheme(
        pct(0.20, 0.60),
        chance(0.5) ? 1 + random.nextInt(10) : null,
        chance(0.5) ? 1 + random.nextInt(20) : null,
        chance(0.5) ? rpe() : null);
  }

  private TrainingMaxIncrease trainingMaxIncrease() {
    double benchMin = random.nextInt(21) / 2.0;
    double squatMin = random.nextInt(21) / 2.0;
    double deadliftMin = random.nextInt(21) / 2.0;
    return new TrainingMaxIncrease(
        benchMin, benchMin + random.nextInt(10), squatMin, squatMin + random.nextInt(20),
        deadliftMin, deadliftMin + random.nextInt(20));
  }

  /** A percentage in hundredths within [min, max]. */
  private double pct(double min, double max) {
    int lo = (int) Math.round(min * 100);
    int hi = (int) Math.round(max * 100);
    return (lo + random.nextInt(hi - lo + 1)) / 100.0;
  }

  /** 5.0..10.0 in half points. */
  private double rpe() {
    return 5.0 + random.nextInt(11) / 2.0;
  }

  private Map<Muscle, Integer> soreness() {
    Map<Muscle, Integer> ratings = new EnumMap<>(Muscle.class);
    for (Muscle muscle : Muscle.values()) {
      if (chance(0.4)) {
        double r = random.nextDouble();
        ratings.put(muscle, r < 0.35 ? 1 : r < 0.55 ? 2 : r < 0.75 ? 3 : r < 0.9 ? 4 : 5);
      }
    }
    return ratings;
  }

  /** Half sets, clustered around the MRVs (12..28), with a few exactly at 20 and far beyond. */
  private Map<Muscle, Double> weeklyVolume() {
    Map<Muscle, Double> volume = new EnumMap<>(Muscle.class);
    for (Muscle muscle : Muscle.values()) {
      if (chance(0.5)) {
        double r = random.nextDouble();
        double sets;
        if (r < 0.4) {
          sets = random.nextInt(25) / 2.0; // 0..12
        } else if (r < 0.85) {
          sets = 10 + random.nextInt(41) / 2.0; // 10..30
        } else if (r < 0.95) {
          sets = List.of(12.0, 15.0, 16.0, 20.0, 22.0, 25.0, 26.0, 28.0).get(random.nextInt(8));
        } else {
          sets = random.nextInt(2001) / 2.0; // up to the 1000 bound
        }
        volume.put(muscle, sets);
      }
    }
    return volume;
  }

  private Map<Muscle, Landmark> landmarks() {
    Map<Muscle, Landmark> landmarks = new EnumMap<>(Muscle.class);
    for (Muscle muscle : Muscle.values()) {
      if (chance(0.35)) {
        int mev = random.nextInt(40); // 0..39
        int mrv = mev + 1 + random.nextInt(40 - mev); // mev+1..40
        landmarks.put(muscle, Landmark.of(mev, mrv));
      }
    }
    return landmarks;
  }

  private List<String> auxiliaries() {
    int n = random.nextInt(6); // 0..5
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(EXERCISES.get(random.nextInt(EXERCISES.size())));
    }
    return names;
  }

  private List<RecentLog> logs() {
    int n = random.nextInt(7);
    List<RecentLog> logs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Double actual = chance(0.2) ? null : 1.0 + random.nextInt(19) / 2.0; // 1..10
      double target = 5.0 + random.nextInt(11) / 2.0;
      logs.add(RecentLog.of(actual, target));
    }
    return logs;
  }

  private List<TrainingDisruption> disruptions() {
    int n = 1 + random.nextInt(3);
    List<TrainingDisruption> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Lift> affected;
      double r = random.nextDouble();
      if (r < 0.3) {
        affected = null;
      } else if (r < 0.4) {
        affected = List.of();
      } else {
        affected = new ArrayList<>();
        for (Lift lift : Lift.values()) {
          if (chance(0.5)) {
            affected.add(lift);
          }
        }
      }
      all.add(
          new TrainingDisruption(
              pick(DisruptionType.values()),
              pick(Severity.values()),
              affected,
              chance(0.5) ? "random disruption " + random.nextInt(100) : null,
              chance(0.25) ? null : pick(DisruptionStatus.values()),
              chance(0.3) ? "d-" + random.nextInt(1000) : null,
              chance(0.2) ? "2026-11-20" : null,
              chance(0.2) ? "2026-11-30" : null,
              chance(0.2) ? "2026-11-20T08:00:00Z" : null));
    }
    return all;
  }

  private WarmupProtocol warmup() {
    if (chance(0.6)) {
      return new WarmupProtocol.Preset(pick(WarmupPreset.values()));
    }
    int n = 1 + random.nextInt(10);
    // Strictly increasing, as SPEC §1.2 requires: n distinct 0.05 steps of 0.00..1.00.
    List<Integer> grid = new ArrayList<>();
    for (int step = 0; step <= 20; step++) {
      grid.add(step * 5);
    }
    java.util.Collections.shuffle(grid, random);
    List<Integer> hundredths = new ArrayList<>(grid.subList(0, n));
    hundredths.sort(null);
    List<WarmupStep> steps = new ArrayList<>(n);
    for (int pct : hundredths) {
      steps.add(WarmupStep.of(pct / 100.0, 1 + random.nextInt(20)));
    }
    return new WarmupProtocol.Custom(steps);
  }

  private int days() {
    double r = random.nextDouble();
    return r < 0.8 ? random.nextInt(15) : random.nextInt(3651);
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private void maybe(double p, Runnable action) {
    if (chance(p)) {
      action.run();
    }
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}

package dev.parakeet.jit.bench;

import dev.parakeet.jit.engine.model.BiologicalSex;
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
import dev.parakeet.jit.engine.model.config.FixedScheme;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.engine.validation.InputRules;
import dev.parakeet.jit.engine.validation.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The inputs the benchmarks generate sessions from: one per branch of the formula that matters
 * for cost (SPEC §3 precedence P0–P5, the hard constraints that fire, the three lifts, the four
 * intensity types, config and landmark overrides, custom warm-ups). Each is built once, outside
 * the measured code, and is valid (the cross-field {@link InputRules} are checked when built).
 */
public enum Scenario {

  /** VECTORS.md fixture F: squat, block 1 heavy, two catalogued auxiliaries, nothing reported. */
  PLAIN(() -> squat()),

  /** Quads 4/5 (P4), with an above-target RPE trend that the formula must ignore. */
  HIGH_SORENESS(
      () ->
          squat()
              .soreness(Muscle.QUADS, 4)
              .soreness(Muscle.GLUTES, 2)
              .recentLogs(List.of(RecentLog.of(9.5, 8.5), RecentLog.of(9.5, 8.5), RecentLog.of(8.0, 8.0)))),

  /** Glutes 3/5 and a below-target RPE trend (P5): one set fewer, load up. */
  MODERATE_SORENESS_RPE_TREND(
      () ->
          squat()
              .soreness(Muscle.GLUTES, 3)
              .recentLogs(List.of(RecentLog.of(7.0, 8.5), RecentLog.of(null, 8.0), RecentLog.of(7.0, 8.5)))),

  /** Quads 5/5 (P2): recovery session, auxiliaries skipped, minimal warm-up. */
  SEVERE_SORENESS_RECOVERY(() -> squat().soreness(Muscle.QUADS, 5)),

  /** Moderate knee injury on the squat (P3) winning over soreness 4: sets halved, load × 0.6. */
  INJURY_MODERATE(
      () ->
          squat()
              .soreness(Muscle.QUADS, 4)
              .disruption(
                  TrainingDisruption.of(
                      DisruptionType.INJURY, Severity.MODERATE, List.of(Lift.SQUAT), "left knee"))),

  /** Minor illness on a rep day: fewer reps per set, rep ranges shifted; a resolved injury is ignored. */
  ILLNESS_REP_DAY(
      () ->
          squat()
              .intensityType(IntensityType.REP)
              .disruption(TrainingDisruption.of(DisruptionType.ILLNESS, Severity.MINOR, List.of(), "head cold"))
              .disruption(
                  new TrainingDisruption(
                      DisruptionType.INJURY, Severity.MODERATE, List.of(Lift.SQUAT), "old tweak",
                      DisruptionStatus.RESOLVED, "d-7", "2026-10-01", "2026-10-20", "2026-10-01T08:00:00Z"))),

  /** A major injury (P1): main lift skipped, auxiliaries suppressed, no warm-up. */
  MAJOR_DISRUPTION(
      () ->
          squat()
              .disruption(
                  TrainingDisruption.of(DisruptionType.INJURY, Severity.MAJOR, List.of(Lift.SQUAT), null))),

  /** Block 3 rep day with quads at 18 of 20 weekly sets: main sets capped, auxiliaries skipped for MRV. */
  NEAR_MRV(
      () -> squat().blockNumber(3).intensityType(IntensityType.REP).weeklyVolume(Muscle.QUADS, 18)),

  /** Quads at their MRV: the hard constraints skip the lift. */
  AT_MRV(() -> squat().weeklyVolume(Muscle.QUADS, 20).weeklyVolume(Muscle.GLUTES, 12)),

  /** Deload (P0) with a fatigue disruption noted but not applied. */
  DELOAD(
      () ->
          squat()
              .intensityType(IntensityType.DELOAD)
              .disruption(TrainingDisruption.of(DisruptionType.FATIGUE, Severity.MINOR, null, "poor sleep"))),

  /** Bench, block 1 rep day (2–3 × 8–12): rep ranges on every set; three auxiliaries. */
  BENCH_REP_DAY(
      () ->
          JitInputBuilder.session("sess-bench-rep", 1, Lift.BENCH, IntensityType.REP, 100)
              .weekNumber(3)
              .activeAuxiliaries(List.of("Close-Grip Bench", "Dips", "Barbell Row"))
              .weeklyVolume(Muscle.CHEST, 8)
              .weeklyVolume(Muscle.TRICEPS, 6)
              .recentLogs(List.of(RecentLog.of(8.0, 8.0), RecentLog.of(8.5, 8.0)))),

  /** Bench, block 2 explosive; female landmarks, late-luteal phase raising triceps 3 to 4. */
  BENCH_EXPLOSIVE_LATE_LUTEAL(
      () ->
          JitInputBuilder.session("sess-bench-expl", 2, Lift.BENCH, IntensityType.EXPLOSIVE, 62.5)
              .weekNumber(7)
              .biologicalSex(BiologicalSex.FEMALE)
              .menstrualPhase(MenstrualPhase.LATE_LUTEAL)
              .soreness(Muscle.TRICEPS, 3)
              .activeAuxiliaries(List.of("Overhead Press", "Incline Bench"))
              .sleepHours(6.5)
              .hrvScore(58.0)),

  /** Deadlift, block 3 heavy (4×1, reps 1–2); one auxiliary not in the catalogue. */
  DEADLIFT_HEAVY_BLOCK3(
      () ->
          JitInputBuilder.session("sess-dl-heavy", 3, Lift.DEADLIFT, IntensityType.HEAVY, 180)
              .weekNumber(11)
              .activeAuxiliaries(List.of("Romanian Deadlift", "Barbell Row", "Kettlebell Swing"))
              .weeklyVolume(Muscle.HAMSTRINGS, 6)
              .weeklyVolume(Muscle.UPPER_BACK, 10)),

  /** Deadlift, block 2 rep day, 10 days off (recency); hamstrings at their overridden MRV once today's sets count. */
  DEADLIFT_REP_RECENCY(
      () ->
          JitInputBuilder.session("sess-dl-rep", 2, Lift.DEADLIFT, IntensityType.REP, 200)
              .weekNumber(6)
              .daysSinceLastSession(10)
              .activeAuxiliaries(List.of("Good Morning", "Leg Curl", "Barbell Row"))
              .weeklyVolume(Muscle.HAMSTRINGS, 16)
              .weeklyVolume(Muscle.LOWER_BACK, 9)
              .mrvMevConfig(Map.of(Muscle.HAMSTRINGS, Landmark.of(6, 18)))),

  /** A lifter's partial formula override merged over the defaults, 1 kg plates, custom warm-up. */
  CONFIG_OVERRIDE_CUSTOM_WARMUP(
      () ->
          JitInputBuilder.session("sess-override", 1, Lift.SQUAT, IntensityType.HEAVY, 152)
              .formulaConfig(
                  new FormulaConfig(
                      new BlockConfig(new FixedScheme(0.825, 3, 4, null, 8.5), null, null),
                      null, null, null, null, null, 1.0))
              .warmupConfig(
                  new WarmupProtocol.Custom(
                      List.of(WarmupStep.of(0.0, 10), WarmupStep.of(0.5, 5), WarmupStep.of(0.7, 3),
                          WarmupStep.of(0.85, 2))))
              .activeAuxiliaries(List.of("Front Squat"))),

  /** A light lifter (1RM 40 kg) on the explosive day with a minor travel disruption: minimal warm-up. */
  LIGHT_LIFTER_TRAVEL(
      () ->
          JitInputBuilder.session("sess-light", 1, Lift.SQUAT, IntensityType.EXPLOSIVE, 40)
              .warmupConfig(new WarmupProtocol.Preset(WarmupPreset.EXTENDED))
              .disruption(TrainingDisruption.of(DisruptionType.TRAVEL, Severity.MINOR, List.of(Lift.SQUAT), "hotel gym"))
              .activeAuxiliaries(List.of("Leg Press", "Leg Extension")));

  /**
   * The clock every benchmark (and {@code ScenarioTest}) generates with: fixed, so that a run
   * measures the engine and not {@code Clock.instant()}, and the outputs' {@code generatedAt} is
   * the same in every run.
   */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T07:30:00Z"), ZoneOffset.UTC);

  private final Supplier<JitInputBuilder> builder;

  Scenario(Supplier<JitInputBuilder> builder) {
    this.builder = builder;
  }

  /** A fresh, valid input for this scenario. */
  public JitInput input() {
    JitInput input = builder.get().sessionId("bench-" + name().toLowerCase(java.util.Locale.ROOT)).build();
    List<Violation> violations = InputRules.check(input);
    if (!violations.isEmpty()) {
      throw new IllegalStateException(name() + " is not a valid input: " + violations);
    }
    return input;
  }

  /** The formula through the whole pipeline on {@link #CLOCK}, as every benchmark of the formula builds it. */
  static JitGeneratorStrategy formula() {
    return StrategyRegistry.formulaOnly(CLOCK);
  }

  /** Fixture F's shape: squat, block 1 heavy, 1RM 140, Pause Squat and Box Squat. */
  private static JitInputBuilder squat() {
    return JitInputBuilder.session("sess-001", 1, Lift.SQUAT, IntensityType.HEAVY, 140)
        .weekNumber(1)
        .activeAuxiliaries(List.of("Pause Squat", "Box Squat"));
  }
}

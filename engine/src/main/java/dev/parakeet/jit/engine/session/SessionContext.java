package dev.parakeet.jit.engine.session;

import dev.parakeet.jit.engine.calc.AuxiliaryExercise;
import dev.parakeet.jit.engine.calc.AuxiliaryPrescription;
import dev.parakeet.jit.engine.calc.BaseSetCalculator;
import dev.parakeet.jit.engine.calc.BaseSets;
import dev.parakeet.jit.engine.calc.LiftMuscles;
import dev.parakeet.jit.engine.calc.MuscleLandmarks;
import dev.parakeet.jit.engine.calc.MuscleRatings;
import dev.parakeet.jit.engine.calc.VolumeLandmarks;
import dev.parakeet.jit.engine.calc.WeeklyVolume;
import dev.parakeet.jit.engine.model.DisruptionType;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.MenstrualPhase;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import dev.parakeet.jit.engine.model.WarmupProtocol;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated {@link JitInput} with every default resolved once: merged formula config, base
 * sets, landmarks, soreness, weekly volume and the disruptions that concern today's lift. The
 * pipeline builds it once per generation; every strategy and the hard-constraint layer read the
 * session through it.
 */
public record SessionContext(
    JitInput input,
    FormulaConfig config,
    BaseSets base,
    MuscleLandmarks landmarks,
    MuscleRatings soreness,
    MuscleRatings auxiliarySoreness,
    WeeklyVolume weeklyVolume,
    List<TrainingDisruption> relevantDisruptions) {

  /** Resolves {@code input}, which must have passed validation. */
  public static SessionContext of(JitInput input) {
    FormulaConfig config = FormulaConfig.resolve(input.formulaConfig());
    MuscleRatings soreness = MuscleRatings.of(input.sorenessRatings());
    Map<Muscle, Integer> auxiliaryRatings = input.auxiliarySorenessRatings();
    return new SessionContext(
        input,
        config,
        BaseSetCalculator.calculate(
            config, input.blockNumber(), input.intensityType(), input.oneRmKg()),
        VolumeLandmarks.resolveIndexed(input.biologicalSex(), input.mrvMevConfig()),
        soreness,
        // SPEC §1.2: the auxiliary ratings replace the main ones only when they say something.
        auxiliaryRatings == null || auxiliaryRatings.isEmpty()
            ? soreness
            : MuscleRatings.of(auxiliaryRatings),
        WeeklyVolume.of(input.weeklyVolumeToDate()),
        relevant(input.activeDisruptions(), input.primaryLift()));
  }

  public Lift lift() {
    return input.primaryLift();
  }

  public double oneRmKg() {
    return input.oneRmKg();
  }

  public double increment() {
    return config.roundingIncrementKg();
  }

  public boolean deload() {
    return input.intensityType() == IntensityType.DELOAD;
  }

  public List<String> activeAuxiliaries() {
    return input.activeAuxiliaries() == null ? List.of() : input.activeAuxiliaries();
  }

  public WarmupProtocol warmupProtocol() {
    return input.warmupConfig() == null ? WarmupProtocol.STANDARD : input.warmupConfig();
  }

  /**
   * The 1RM an exercise loaded from {@code lift} is a fraction of (SPEC §2.8): today's when it is
   * today's lift, else the lifter's other 1RM when given, else today's (the catalogue's fractions
   * are small enough for that to stay light).
   */
  public double oneRmFor(Lift lift) {
    if (lift == input.primaryLift() || input.allOneRmKg() == null) {
      return input.oneRmKg();
    }
    Double other = input.allOneRmKg().get(lift);
    return other != null ? other : input.oneRmKg();
  }

  /** Where {@code exercise} starts today (SPEC §2.8 steps 2–3). */
  public AuxiliaryPrescription auxiliaryStart(AuxiliaryExercise exercise) {
    double oneRm = exercise.bodyweight() ? 0 : oneRmFor(exercise.loadedFrom());
    return AuxiliaryPrescription.start(exercise, oneRm, deload(), increment());
  }

  /**
   * The soreness the main lift is judged by (SPEC §3): the worst rating over its primary muscles,
   * one level higher (at most 5) in the late-luteal phase.
   */
  public Soreness effectiveSoreness() {
    MuscleRatings.Worst worst = soreness.worst(LiftMuscles.primaryMuscles(lift()));
    boolean lateLuteal = input.menstrualPhase() == MenstrualPhase.LATE_LUTEAL;
    int effective = lateLuteal ? Math.min(MuscleRatings.SEVERE, worst.level() + 1) : worst.level();
    return new Soreness(worst.muscle(), worst.level(), effective);
  }

  /** The first relevant {@code major} disruption, or {@code null}. */
  public TrainingDisruption majorDisruption() {
    for (TrainingDisruption disruption : relevantDisruptions) {
      if (disruption.severity() == Severity.MAJOR) {
        return disruption;
      }
    }
    return null;
  }

  /** The worst severity among the relevant injuries, or {@code null} when none. */
  public Severity injurySeverity() {
    Severity worst = null;
    for (TrainingDisruption disruption : relevantDisruptions) {
      if (disruption.disruptionType() == DisruptionType.INJURY
          && (worst == null || disruption.severity().compareTo(worst) > 0)) {
        worst = disruption.severity();
      }
    }
    return worst;
  }

  /**
   * The main lift's soreness: the worst-rated primary muscle, its rating and the level it counts
   * as ({@code effective}, raised in the late-luteal phase).
   */
  public record Soreness(Muscle muscle, int rated, int effective) {}

  private static List<TrainingDisruption> relevant(List<TrainingDisruption> all, Lift lift) {
    if (all == null || all.isEmpty()) {
      return List.of();
    }
    List<TrainingDisruption> relevant = new ArrayList<>(all.size());
    for (TrainingDisruption disruption : all) {
      if (disruption.concerns(lift)) {
        relevant.add(disruption);
      }
    }
    return List.copyOf(relevant);
  }
}

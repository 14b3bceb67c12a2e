package dev.parakeet.jit.engine.session;

import dev.parakeet.jit.engine.calc.AuxiliaryPrescription;
import dev.parakeet.jit.engine.calc.BaseSetCalculator;
import dev.parakeet.jit.engine.calc.BaseSets;
import dev.parakeet.jit.engine.calc.MuscleLandmarks;
import dev.parakeet.jit.engine.calc.MuscleRatings;
import dev.parakeet.jit.engine.calc.VolumeLandmarks;
import dev.parakeet.jit.engine.calc.WeeklyVolume;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import dev.parakeet.jit.engine.model.WarmupProtocol;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated {@link JitInput} with every default resolved once: merged formula config, base
 * sets, landmarks, soreness, weekly volume and the disruptions that concern today's lift. Every
 * strategy and the hard-constraint layer read the session through this.
 */
public record SessionContext(
    JitInput input,
    FormulaConfig config,
    BaseSets base,
    MuscleLandmarks landmarks,
    MuscleRatings soreness,
    MuscleRatings auxiliarySoreness,
    WeeklyVolume weeklyVolume,
    List<TrainingDisruption> relevantDisruptions,
    AuxiliaryPrescription auxiliaryStart) {

  /** Resolves {@code input}, which must have passed validation. */
  public static SessionContext of(JitInput input) {
    FormulaConfig config = FormulaConfig.resolve(input.formulaConfig());
    double increment = config.roundingIncrementKg();
    boolean deload = input.intensityType() == IntensityType.DELOAD;
    MuscleRatings soreness = MuscleRatings.of(input.sorenessRatings());
    return new SessionContext(
        input,
        config,
        BaseSetCalculator.calculate(
            config, input.blockNumber(), input.intensityType(), input.oneRmKg()),
        VolumeLandmarks.resolveIndexed(input.biologicalSex(), input.mrvMevConfig()),
        soreness,
        input.auxiliarySorenessRatings() == null
            ? soreness
            : MuscleRatings.of(input.auxiliarySorenessRatings()),
        WeeklyVolume.of(input.weeklyVolumeToDate()),
        relevant(input.activeDisruptions(), input.primaryLift()),
        AuxiliaryPrescription.start(input.oneRmKg(), deload, increment));
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

package dev.parakeet.jit.engine.model;

import dev.parakeet.jit.engine.model.config.FormulaConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link JitInput} in Java code (the library API for a backend that does not speak
 * JSON). The result is not validated here: pass it through the wire module's validator, or build
 * only what the bounds allow.
 */
public final class JitInputBuilder {

  private String sessionId;
  private Integer weekNumber = 1;
  private Integer blockNumber;
  private Lift primaryLift;
  private IntensityType intensityType;
  private Double oneRmKg;
  private Map<Lift, Double> allOneRmKg;
  private String lifterId;
  private FormulaConfig formulaConfig;
  private Map<Muscle, Integer> sorenessRatings;
  private Map<Muscle, Integer> auxiliarySorenessRatings;
  private Map<Muscle, Double> weeklyVolumeToDate;
  private Map<Muscle, Landmark> mrvMevConfig;
  private List<String> activeAuxiliaries;
  private List<RecentLog> recentLogs;
  private List<TrainingDisruption> activeDisruptions;
  private WarmupProtocol warmupConfig;
  private BiologicalSex biologicalSex;
  private Integer daysSinceLastSession;
  private MenstrualPhase menstrualPhase;
  private Double sleepHours;
  private Double sleepQuality;
  private Double hrvScore;
  private Double bodyWeightKg;
  private Double userAge;
  private final Map<String, Object> extras = new LinkedHashMap<>();

  JitInputBuilder() {}

  public static JitInputBuilder session(
      String sessionId, int blockNumber, Lift lift, IntensityType intensity, double oneRmKg) {
    JitInputBuilder builder = new JitInputBuilder();
    builder.sessionId = sessionId;
    builder.blockNumber = blockNumber;
    builder.primaryLift = lift;
    builder.intensityType = intensity;
    builder.oneRmKg = oneRmKg;
    return builder;
  }

  /** A builder holding everything {@code input} holds. */
  public static JitInputBuilder from(JitInput input) {
    JitInputBuilder b = new JitInputBuilder();
    b.sessionId = input.sessionId();
    b.weekNumber = input.weekNumber();
    b.blockNumber = input.blockNumber();
    b.primaryLift = input.primaryLift();
    b.intensityType = input.intensityType();
    b.oneRmKg = input.oneRmKg();
    b.allOneRmKg = input.allOneRmKg();
    b.lifterId = input.lifterId();
    b.formulaConfig = input.formulaConfig();
    b.sorenessRatings = input.sorenessRatings();
    b.auxiliarySorenessRatings = input.auxiliarySorenessRatings();
    b.weeklyVolumeToDate = input.weeklyVolumeToDate();
    b.mrvMevConfig = input.mrvMevConfig();
    b.activeAuxiliaries = input.activeAuxiliaries();
    b.recentLogs = input.recentLogs();
    b.activeDisruptions = input.activeDisruptions();
    b.warmupConfig = input.warmupConfig();
    b.biologicalSex = input.biologicalSex();
    b.daysSinceLastSession = input.daysSinceLastSession();
    b.menstrualPhase = input.menstrualPhase();
    b.sleepHours = input.sleepHours();
    b.sleepQuality = input.sleepQuality();
    b.hrvScore = input.hrvScore();
    b.bodyWeightKg = input.bodyWeightKg();
    b.userAge = input.userAge();
    b.extras.putAll(input.extras());
    return b;
  }

  public JitInputBuilder sessionId(String value) { sessionId = value; return this; }
  public JitInputBuilder weekNumber(Integer value) { weekNumber = value; return this; }
  public JitInputBuilder blockNumber(Integer value) { blockNumber = value; return this; }
  public JitInputBuilder primaryLift(Lift value) { primaryLift = value; return this; }
  public JitInputBuilder intensityType(IntensityType value) { intensityType = value; return this; }
  public JitInputBuilder oneRmKg(Double value) { oneRmKg = value; return this; }
  public JitInputBuilder allOneRmKg(Map<Lift, Double> value) { allOneRmKg = value; return this; }
  public JitInputBuilder lifterId(String value) { lifterId = value; return this; }
  public JitInputBuilder formulaConfig(FormulaConfig value) { formulaConfig = value; return this; }
  public JitInputBuilder weeklyVolumeToDate(Map<Muscle, Double> value) { weeklyVolumeToDate = value; return this; }
  public JitInputBuilder mrvMevConfig(Map<Muscle, Landmark> value) { mrvMevConfig = value; return this; }
  public JitInputBuilder activeAuxiliaries(List<String> value) { activeAuxiliaries = value; return this; }
  public JitInputBuilder recentLogs(List<RecentLog> value) { recentLogs = value; return this; }
  public JitInputBuilder activeDisruptions(List<TrainingDisruption> value) { activeDisruptions = value; return this; }
  public JitInputBuilder warmupConfig(WarmupProtocol value) { warmupConfig = value; return this; }
  public JitInputBuilder biologicalSex(BiologicalSex value) { biologicalSex = value; return this; }
  public JitInputBuilder daysSinceLastSession(Integer value) { daysSinceLastSession = value; return this; }
  public JitInputBuilder menstrualPhase(MenstrualPhase value) { menstrualPhase = value; return this; }
  public JitInputBuilder sleepHours(Double value) { sleepHours = value; return this; }
  public JitInputBuilder sleepQuality(Double value) { sleepQuality = value; return this; }
  public JitInputBuilder hrvScore(Double value) { hrvScore = value; return this; }
  public JitInputBuilder bodyWeightKg(Double value) { bodyWeightKg = value; return this; }
  public JitInputBuilder userAge(Double value) { userAge = value; return this; }

  public JitInputBuilder sorenessRatings(Map<Muscle, Integer> value) {
    sorenessRatings = value;
    return this;
  }

  public JitInputBuilder auxiliarySorenessRatings(Map<Muscle, Integer> value) {
    auxiliarySorenessRatings = value;
    return this;
  }

  /** Adds or replaces one soreness rating. */
  public JitInputBuilder soreness(Muscle muscle, int level) {
    Map<Muscle, Integer> ratings = new EnumMap<>(Muscle.class);
    if (sorenessRatings != null) {
      ratings.putAll(sorenessRatings);
    }
    ratings.put(muscle, level);
    sorenessRatings = ratings;
    return this;
  }

  /** Adds or replaces this week's sets for one muscle. */
  public JitInputBuilder weeklyVolume(Muscle muscle, double sets) {
    Map<Muscle, Double> volume = new EnumMap<>(Muscle.class);
    if (weeklyVolumeToDate != null) {
      volume.putAll(weeklyVolumeToDate);
    }
    volume.put(muscle, sets);
    weeklyVolumeToDate = volume;
    return this;
  }

  /** Appends a disruption. */
  public JitInputBuilder disruption(TrainingDisruption disruption) {
    List<TrainingDisruption> all = activeDisruptions == null ? new ArrayList<>() : new ArrayList<>(activeDisruptions);
    all.add(disruption);
    activeDisruptions = all;
    return this;
  }

  /** Keeps a field this version does not model, as the app may send one. */
  public JitInputBuilder extra(String name, Object value) {
    extras.put(name, value);
    return this;
  }

  public JitInput build() {
    return new JitInput(
        sessionId, weekNumber, blockNumber, primaryLift, intensityType, oneRmKg, allOneRmKg,
        lifterId, formulaConfig,
        sorenessRatings, auxiliarySorenessRatings, weeklyVolumeToDate, mrvMevConfig,
        activeAuxiliaries, recentLogs, activeDisruptions, warmupConfig, biologicalSex,
        daysSinceLastSession, menstrualPhase, sleepHours, sleepQuality, hrvScore, bodyWeightKg,
        userAge, extras);
  }
}

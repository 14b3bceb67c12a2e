package dev.parakeet.jit.engine.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A lifter's state on the day of a session (SPEC §1.2): what every strategy turns into sets.
 *
 * <p>Optional fields are {@code null} when absent; {@link dev.parakeet.jit.engine.session.SessionContext}
 * resolves the defaults. Top-level fields this version does not know are kept in {@link #extras()}:
 * they are stored with the snapshot and shown to the language model, so a new signal from the app
 * reaches the model without a code change. The bounds below are the single source of truth for
 * input validation. Strings are measured in code points; identifiers and exercise names carry no
 * control characters (SPEC §1.2).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JitInput(
    @NotBlank @CodePoints(max = 200) @NoControlCharacters String sessionId,
    @NotNull @Min(1) @Max(520) Integer weekNumber,
    @NotNull @Min(1) @Max(3) Integer blockNumber,
    @NotNull Lift primaryLift,
    @NotNull IntensityType intensityType,
    @NotNull @DecimalMin("20") @DecimalMax("600") Double oneRmKg,
    Map<Lift, @NotNull @DecimalMin("20") @DecimalMax("600") Double> allOneRmKg,
    @NullOrNotBlank @CodePoints(max = 200) @NoControlCharacters String lifterId,
    @Valid FormulaConfig formulaConfig,
    Map<Muscle, @NotNull @Min(1) @Max(5) Integer> sorenessRatings,
    Map<Muscle, @NotNull @Min(1) @Max(5) Integer> auxiliarySorenessRatings,
    Map<Muscle, @NotNull @DecimalMin("0") @DecimalMax("1000") Double> weeklyVolumeToDate,
    Map<Muscle, @NotNull @Valid Landmark> mrvMevConfig,
    @Size(max = 5) List<@NotBlank @CodePoints(max = 100) @NoControlCharacters String> activeAuxiliaries,
    @Size(max = 100) List<@NotNull @Valid RecentLog> recentLogs,
    @Size(max = 50) List<@NotNull @Valid TrainingDisruption> activeDisruptions,
    @Valid WarmupProtocol warmupConfig,
    BiologicalSex biologicalSex,
    @Min(0) @Max(3650) Integer daysSinceLastSession,
    MenstrualPhase menstrualPhase,
    @DecimalMin("0") @DecimalMax("24") Double sleepHours,
    @DecimalMin("1") @DecimalMax("5") Double sleepQuality,
    @DecimalMin("0") @DecimalMax("1000") Double hrvScore,
    @DecimalMin(value = "0", inclusive = false) @DecimalMax("500") Double bodyWeightKg,
    @DecimalMin("0") @DecimalMax("120") Double userAge,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extras) {

  public JitInput {
    allOneRmKg = Copies.map(allOneRmKg);
    sorenessRatings = Copies.map(sorenessRatings);
    auxiliarySorenessRatings = Copies.map(auxiliarySorenessRatings);
    weeklyVolumeToDate = Copies.map(weeklyVolumeToDate);
    mrvMevConfig = Copies.map(mrvMevConfig);
    activeAuxiliaries = Copies.list(activeAuxiliaries);
    recentLogs = Copies.list(recentLogs);
    activeDisruptions = Copies.list(activeDisruptions);
    extras = extras == null ? Map.of() : Copies.map(extras);
  }

  /** The names of the top-level fields this version did not recognise (kept, but worth a note). */
  public java.util.Set<String> unrecognisedFields() {
    return extras.keySet();
  }

  /** The same input without its warm-up protocol: warm-ups are never a language model's business. */
  public JitInput withoutWarmupConfig() {
    return new JitInput(
        sessionId, weekNumber, blockNumber, primaryLift, intensityType, oneRmKg, allOneRmKg,
        lifterId, formulaConfig,
        sorenessRatings, auxiliarySorenessRatings, weeklyVolumeToDate, mrvMevConfig,
        activeAuxiliaries, recentLogs, activeDisruptions, null, biologicalSex,
        daysSinceLastSession, menstrualPhase, sleepHours, sleepQuality, hrvScore, bodyWeightKg,
        userAge, extras);
  }
}

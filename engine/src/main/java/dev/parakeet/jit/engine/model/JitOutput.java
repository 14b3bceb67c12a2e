package dev.parakeet.jit.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/** A generated session (SPEC §1.3). Lists are never null; the last three fields are optional. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "sessionId", "generatedAt", "mainLiftSets", "warmupSets", "auxiliaryWork", "volumeModifier",
  "intensityModifier", "rationale", "warnings", "skippedMainLift", "jit_strategy",
  "constraintsApplied", "fallbackReason", "confidence", "comparison"
})
public record JitOutput(
    String sessionId,
    Instant generatedAt,
    List<PlannedSet> mainLiftSets,
    List<WarmupSet> warmupSets,
    List<AuxiliaryWork> auxiliaryWork,
    double volumeModifier,
    double intensityModifier,
    List<String> rationale,
    List<String> warnings,
    boolean skippedMainLift,
    @JsonProperty("jit_strategy") JitStrategy jitStrategy,
    List<AppliedConstraint> constraintsApplied,
    String fallbackReason,
    Confidence confidence,
    Comparison comparison) {

  public JitOutput {
    mainLiftSets = Copies.nonNull(mainLiftSets);
    warmupSets = Copies.nonNull(warmupSets);
    auxiliaryWork = Copies.nonNull(auxiliaryWork);
    rationale = Copies.nonNull(rationale);
    warnings = Copies.nonNull(warnings);
    constraintsApplied = Copies.nonNull(constraintsApplied);
  }

  /**
   * A generated session, field by field: {@code JitOutput.generated(id, at, strategy).mainLift(…)
   * … .build()}. Lists left unset are empty; the optional fields stay absent.
   */
  public static Builder generated(String sessionId, Instant generatedAt, JitStrategy strategy) {
    return new Builder(sessionId, generatedAt, strategy);
  }

  /** This output served in place of a model's answer that could not be used (SPEC §5.2). */
  public JitOutput asFallback(String reason) {
    return toBuilder(JitStrategy.FORMULA_FALLBACK).fallbackReason(reason).confidence(null).build();
  }

  /** This (model) output as the result of a hybrid run that compared it with the formula's. */
  public JitOutput asHybrid(Comparison comparison) {
    return toBuilder(JitStrategy.HYBRID).comparison(comparison).build();
  }

  private Builder toBuilder(JitStrategy strategy) {
    return new Builder(sessionId, generatedAt, strategy)
        .mainLift(mainLiftSets, skippedMainLift)
        .warmups(warmupSets)
        .auxiliary(auxiliaryWork)
        .modifiers(volumeModifier, intensityModifier)
        .rationale(rationale)
        .warnings(warnings)
        .constraintsApplied(constraintsApplied)
        .confidence(confidence);
  }

  /** Builds a {@link JitOutput}; see {@link #generated}. */
  public static final class Builder {
    private final String sessionId;
    private final Instant generatedAt;
    private final JitStrategy strategy;
    private List<PlannedSet> mainLiftSets = List.of();
    private boolean skippedMainLift;
    private List<WarmupSet> warmupSets = List.of();
    private List<AuxiliaryWork> auxiliaryWork = List.of();
    private double volumeModifier;
    private double intensityModifier;
    private List<String> rationale = List.of();
    private List<String> warnings = List.of();
    private List<AppliedConstraint> constraintsApplied = List.of();
    private String fallbackReason;
    private Confidence confidence;
    private Comparison comparison;

    private Builder(String sessionId, Instant generatedAt, JitStrategy strategy) {
      this.sessionId = sessionId;
      this.generatedAt = generatedAt;
      this.strategy = strategy;
    }

    /** The working sets, and whether the main lift is skipped (then there are none). */
    public Builder mainLift(List<PlannedSet> sets, boolean skipped) {
      this.mainLiftSets = sets;
      this.skippedMainLift = skipped;
      return this;
    }

    public Builder warmups(List<WarmupSet> sets) {
      this.warmupSets = sets;
      return this;
    }

    public Builder auxiliary(List<AuxiliaryWork> work) {
      this.auxiliaryWork = work;
      return this;
    }

    public Builder modifiers(double volume, double intensity) {
      this.volumeModifier = volume;
      this.intensityModifier = intensity;
      return this;
    }

    public Builder rationale(List<String> lines) {
      this.rationale = lines;
      return this;
    }

    public Builder warnings(List<String> lines) {
      this.warnings = lines;
      return this;
    }

    public Builder constraintsApplied(List<AppliedConstraint> applied) {
      this.constraintsApplied = applied;
      return this;
    }

    public Builder fallbackReason(String reason) {
      this.fallbackReason = reason;
      return this;
    }

    public Builder confidence(Confidence confidence) {
      this.confidence = confidence;
      return this;
    }

    public Builder comparison(Comparison comparison) {
      this.comparison = comparison;
      return this;
    }

    public JitOutput build() {
      return new JitOutput(
          sessionId, generatedAt, mainLiftSets, warmupSets, auxiliaryWork, volumeModifier,
          intensityModifier, rationale, warnings, skippedMainLift, strategy, constraintsApplied,
          fallbackReason, confidence, comparison);
    }
  }
}

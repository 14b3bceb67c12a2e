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

  /** This output served in place of a model's answer that could not be used (SPEC §5.2). */
  public JitOutput asFallback(String reason) {
    return new JitOutput(
        sessionId, generatedAt, mainLiftSets, warmupSets, auxiliaryWork, volumeModifier,
        intensityModifier, rationale, warnings, skippedMainLift, JitStrategy.FORMULA_FALLBACK,
        constraintsApplied, reason, null, null);
  }

  /** This (model) output as the result of a hybrid run that compared it with the formula's. */
  public JitOutput asHybrid(Comparison comparison) {
    return new JitOutput(
        sessionId, generatedAt, mainLiftSets, warmupSets, auxiliaryWork, volumeModifier,
        intensityModifier, rationale, warnings, skippedMainLift, JitStrategy.HYBRID,
        constraintsApplied, null, confidence, comparison);
  }
}

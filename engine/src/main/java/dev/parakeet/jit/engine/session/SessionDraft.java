package dev.parakeet.jit.engine.session;

import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.Confidence;
import dev.parakeet.jit.engine.model.PlannedSet;
import java.util.List;

/**
 * What a strategy proposes, before the hard-constraint layer: main sets, auxiliary work and the
 * reasons. There are no warm-ups here on purpose: only the constraint layer makes them.
 *
 * @param recoverySession the main sets are a recovery session (warm-ups use the minimal preset)
 * @param intensityModifier the multiplier the strategy applied to the base weight
 * @param confidence the model's confidence; {@code null} for the formula
 */
public record SessionDraft(
    List<PlannedSet> mainSets,
    boolean skippedMainLift,
    boolean recoverySession,
    double intensityModifier,
    List<AuxiliaryWork> auxiliaryWork,
    List<String> rationale,
    List<String> warnings,
    Confidence confidence) {

  public SessionDraft {
    mainSets = List.copyOf(mainSets);
    auxiliaryWork = List.copyOf(auxiliaryWork);
    rationale = List.copyOf(rationale);
    warnings = List.copyOf(warnings);
  }
}

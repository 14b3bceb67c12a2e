package dev.parakeet.jit.engine.session;

import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.Confidence;
import java.util.List;

/**
 * What a strategy proposes, before the hard-constraint layer: the main lift, auxiliary work and
 * the reasons. There are no warm-ups and no warnings here on purpose: only the constraint layer
 * makes warm-ups, and warnings are the limits that bit there.
 *
 * @param author who proposed it: a model's proposal also passes the over-reaction guard
 * @param confidence the model's confidence; {@code null} for the formula
 */
public record SessionDraft(
    MainLift mainLift,
    List<AuxiliaryWork> auxiliaryWork,
    List<String> rationale,
    Author author,
    Confidence confidence) {

  /** Who proposed a draft. */
  public enum Author {
    FORMULA,
    MODEL
  }

  public SessionDraft {
    auxiliaryWork = List.copyOf(auxiliaryWork);
    rationale = List.copyOf(rationale);
  }

  public static SessionDraft byFormula(
      MainLift mainLift, List<AuxiliaryWork> auxiliaryWork, List<String> rationale) {
    return new SessionDraft(mainLift, auxiliaryWork, rationale, Author.FORMULA, null);
  }

  public static SessionDraft byModel(
      MainLift mainLift, List<AuxiliaryWork> auxiliaryWork, List<String> rationale, Confidence confidence) {
    return new SessionDraft(mainLift, auxiliaryWork, rationale, Author.MODEL, confidence);
  }
}

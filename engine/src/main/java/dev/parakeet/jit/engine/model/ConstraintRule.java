package dev.parakeet.jit.engine.model;

/** A hard constraint (SPEC §4), declared in the order the layer applies them. */
public enum ConstraintRule implements WireEnum {
  /** Rule 0: a relevant major disruption skips the main lift, whatever was proposed. */
  MAJOR_DISRUPTION,
  /** Rule 0: a language model's proposal stays within a small envelope unless a signal allows more. */
  OVERREACTION_GUARD,
  MRV_CAP,
  MINIMUM_SETS,
  WEIGHT_FLOOR,
  WEIGHT_CEILING,
  ROUNDING,
  AUXILIARY,
  WARMUP;

  /** Whether this is one of rule 0's checks, the ones that overrule a proposal's judgement. */
  public boolean overrulesJudgement() {
    return this == MAJOR_DISRUPTION || this == OVERREACTION_GUARD;
  }
}

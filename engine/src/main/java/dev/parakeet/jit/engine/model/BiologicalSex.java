package dev.parakeet.jit.engine.model;

/** Selects the default volume landmarks (SPEC §2.5). */
public enum BiologicalSex implements WireEnum {
  FEMALE, MALE
}

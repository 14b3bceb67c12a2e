package dev.parakeet.jit.engine.model;

/** How sure a language model says it is of its adjustment. */
public enum Confidence implements WireEnum {
  HIGH, MEDIUM, LOW
}

package dev.parakeet.jit.engine.model;

/** How bad a disruption is; declared mildest first, so the natural order ranks severity. */
public enum Severity implements WireEnum {
  MINOR, MODERATE, MAJOR
}

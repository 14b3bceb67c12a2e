package dev.parakeet.jit.engine.model;

/** A named warm-up ramp (SPEC §2.7). */
public enum WarmupPreset implements WireEnum {
  STANDARD, MINIMAL, EXTENDED, EMPTY_BAR
}

package dev.parakeet.jit.engine.model;

/** Cycle phase; {@code late_luteal} raises effective soreness by one level. */
public enum MenstrualPhase implements WireEnum {
  MENSTRUAL, FOLLICULAR, OVULATORY, LUTEAL, LATE_LUTEAL
}

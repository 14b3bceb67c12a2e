package dev.parakeet.jit.engine.model;

/** Whether a disruption still matters; only {@code resolved} ones are ignored. */
public enum DisruptionStatus implements WireEnum {
  ACTIVE, MONITORING, RESOLVED
}

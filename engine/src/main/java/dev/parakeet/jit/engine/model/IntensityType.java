package dev.parakeet.jit.engine.model;

/** The Cube-Method intensity of a session. */
public enum IntensityType implements WireEnum {
  HEAVY, EXPLOSIVE, REP, DELOAD
}

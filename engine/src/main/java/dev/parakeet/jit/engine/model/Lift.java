package dev.parakeet.jit.engine.model;

/** The main lift of a session. */
public enum Lift implements WireEnum {
  SQUAT, BENCH, DEADLIFT
}

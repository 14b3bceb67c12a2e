package dev.parakeet.jit.engine.model;

/** A muscle group tracked for soreness and weekly volume. */
public enum Muscle implements WireEnum {
  QUADS, HAMSTRINGS, GLUTES, LOWER_BACK, UPPER_BACK, CHEST, TRICEPS, SHOULDERS, BICEPS
}

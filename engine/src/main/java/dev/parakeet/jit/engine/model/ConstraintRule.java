package dev.parakeet.jit.engine.model;

/** A hard constraint (SPEC §4), declared in the order the layer applies them. */
public enum ConstraintRule implements WireEnum {
  MRV_CAP, MINIMUM_SETS, WEIGHT_FLOOR, WEIGHT_CEILING, ROUNDING, AUXILIARY, WARMUP
}

package dev.parakeet.jit.engine.model;

/** A hard constraint that changed an output, and how. */
public record AppliedConstraint(ConstraintRule rule, String detail) {}

package dev.parakeet.jit.engine.model;

/**
 * How far the model's first working set is from the formula's (SPEC §6): relative weight
 * difference, difference in set count, and the model's own first reason.
 */
public record Divergence(double weightPct, int setDelta, String summary) {}

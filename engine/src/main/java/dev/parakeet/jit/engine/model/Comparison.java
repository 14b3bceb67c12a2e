package dev.parakeet.jit.engine.model;

/** What a hybrid run compared: the formula's answer beside the model's (SPEC §6). */
public record Comparison(JitOutput formulaOutput, Divergence divergence, boolean shouldSurfaceToUser) {}

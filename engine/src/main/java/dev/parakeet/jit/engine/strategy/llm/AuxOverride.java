package dev.parakeet.jit.engine.strategy.llm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A model's instruction for one auxiliary exercise, matched to the active ones by name. */
public record AuxOverride(@NotBlank @Size(max = 100) String exercise, @NotNull AuxAction action) {}

package dev.parakeet.jit.engine.port;

import dev.parakeet.jit.engine.model.CodePoints;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A model's instruction for one auxiliary exercise, matched to the active ones by name. */
public record AuxOverride(
    @JsonPropertyDescription("The auxiliary exercise's name, as listed in activeAuxiliaries.")
        @NotBlank @CodePoints(max = 100)
        String exercise,
    @JsonPropertyDescription("skip it, reduce it (fewer sets, lighter), or do it as programmed.")
        @NotNull
        AuxAction action) {}

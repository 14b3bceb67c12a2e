package dev.parakeet.jit.engine.model.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;

/** One Cube-Method block: its heavy, explosive and rep days. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlockConfig(
    @Valid FixedScheme heavy, @Valid FixedScheme explosive, @Valid RangeScheme rep) {

  BlockConfig mergedOver(BlockConfig base) {
    return new BlockConfig(
        Merge.nested(heavy, base.heavy, FixedScheme::mergedOver),
        Merge.nested(explosive, base.explosive, FixedScheme::mergedOver),
        Merge.nested(rep, base.rep, RangeScheme::mergedOver));
  }
}

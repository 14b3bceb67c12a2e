package dev.parakeet.jit.engine.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** How to ramp up to the first working set: a named preset or the lifter's own steps. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = WarmupProtocol.Preset.class, name = "preset"),
  @JsonSubTypes.Type(value = WarmupProtocol.Custom.class, name = "custom")
})
public sealed interface WarmupProtocol {

  WarmupProtocol STANDARD = new Preset(WarmupPreset.STANDARD);

  record Preset(@NotNull WarmupPreset name) implements WarmupProtocol {}

  record Custom(@NotNull @Size(min = 1, max = 10) List<@NotNull @Valid WarmupStep> steps)
      implements WarmupProtocol {

    public Custom {
      steps = Copies.list(steps);
    }
  }
}

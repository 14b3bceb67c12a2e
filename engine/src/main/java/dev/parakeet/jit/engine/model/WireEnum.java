package dev.parakeet.jit.engine.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enumeration whose constants travel as their lower-case names ({@code LOWER_BACK} is {@code
 * "lower_back"}). The wire name is the JSON value, the map key and the word shown to people.
 */
public interface WireEnum {

  @JsonValue
  default String wire() {
    return WireNames.of((Enum<?>) this);
  }
}

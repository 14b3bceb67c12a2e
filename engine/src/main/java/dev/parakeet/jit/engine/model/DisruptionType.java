package dev.parakeet.jit.engine.model;

/** What disrupted training. */
public enum DisruptionType implements WireEnum {
  INJURY, ILLNESS, TRAVEL, FATIGUE, EQUIPMENT_UNAVAILABLE, UNPROGRAMMED_EVENT, OTHER
}

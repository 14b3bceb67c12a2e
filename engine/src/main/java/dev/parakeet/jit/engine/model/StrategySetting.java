package dev.parakeet.jit.engine.model;

/** What the caller asks for; {@code auto} lets the registry choose (SPEC §7). */
public enum StrategySetting implements WireEnum {
  AUTO, FORMULA, LLM, HYBRID
}

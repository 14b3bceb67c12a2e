package dev.parakeet.jit.engine.model;

/** What actually produced an output; recorded on the output and on the stored session. */
public enum JitStrategy implements WireEnum {
  FORMULA, LLM, HYBRID, FORMULA_FALLBACK
}

package dev.parakeet.jit.engine.strategy;

import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.port.ModelAvailability;
import dev.parakeet.jit.engine.strategy.formula.FormulaJitGenerator;
import dev.parakeet.jit.engine.strategy.hybrid.HybridJitGenerator;
import dev.parakeet.jit.engine.strategy.llm.LlmJitGenerator;

/**
 * {@code getJitGenerator} of SPEC §7. {@code auto} asks the model only while it is online (a
 * provider configured, its circuit breaker not open) and otherwise serves the formula at once;
 * an explicit {@code llm} or {@code hybrid} always tries the model and falls back per call.
 */
public final class StrategyRegistry {

  private final FormulaJitGenerator formula;
  private final LlmJitGenerator llm;
  private final HybridJitGenerator hybrid;
  private final ModelAvailability availability;

  public StrategyRegistry(
      FormulaJitGenerator formula,
      LlmJitGenerator llm,
      HybridJitGenerator hybrid,
      ModelAvailability availability) {
    this.formula = formula;
    this.llm = llm;
    this.hybrid = hybrid;
    this.availability = availability;
  }

  public JitGeneratorStrategy get(StrategySetting setting) {
    return switch (setting) {
      case FORMULA -> formula;
      case LLM -> llm;
      case HYBRID -> hybrid;
      case AUTO -> availability.isOnline() ? llm : formula;
    };
  }
}

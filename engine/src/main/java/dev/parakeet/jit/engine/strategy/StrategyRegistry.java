package dev.parakeet.jit.engine.strategy;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
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
  private final JitGeneratorStrategy auto = new Auto();

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

  /**
   * The strategy to generate with for {@code setting}, to keep for as many generations as needed:
   * for {@code auto} it is a strategy that chooses afresh at every generation, so a batch follows
   * the circuit breaker as it opens and closes.
   */
  public JitGeneratorStrategy get(StrategySetting setting) {
    return setting == StrategySetting.AUTO ? auto : choose(setting);
  }

  /** The concrete strategy {@code setting} means right now. */
  public JitGeneratorStrategy choose(StrategySetting setting) {
    return switch (setting) {
      case FORMULA -> formula;
      case LLM -> llm;
      case HYBRID -> hybrid;
      case AUTO -> availability.isOnline() ? llm : formula;
    };
  }

  /** {@code auto}: the model while it is online, the formula otherwise, decided per generation. */
  private final class Auto implements JitGeneratorStrategy {

    @Override
    public String name() {
      return "auto";
    }

    @Override
    public String description() {
      return "The model when a provider is configured and healthy, the formula otherwise.";
    }

    @Override
    public JitOutput generate(JitInput input) {
      return choose(StrategySetting.AUTO).generate(input);
    }
  }
}

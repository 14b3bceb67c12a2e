package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.constraint.HardConstraints;
import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.ComparisonLog;
import dev.parakeet.jit.engine.port.ModelAvailability;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.engine.strategy.formula.FormulaJitGenerator;
import dev.parakeet.jit.engine.strategy.hybrid.HybridJitGenerator;
import dev.parakeet.jit.engine.strategy.llm.LlmJitGenerator;
import dev.parakeet.jit.wire.JitInputReader;
import java.time.Clock;

/**
 * The composition root: wires the pure core to its adapters from configuration. One per process
 * (or per test); everything in it is thread-safe.
 */
public final class Runtime implements AutoCloseable {

  private final JitInputReader reader = new JitInputReader();
  private final StrategyRegistry registry;

  private Runtime(StrategyRegistry registry) {
    this.registry = registry;
  }

  /** The runtime of this build: the formula always; no model adapter is configured. */
  public static Runtime create(Clock clock) {
    StrategyEvents events = new LoggingStrategyEvents();
    HardConstraints constraints = new HardConstraints();
    FormulaJitGenerator formula = new FormulaJitGenerator(clock, constraints);
    AdjustmentModel model = AdjustmentModel.unconfigured("no LLM provider is configured");
    LlmJitGenerator llm =
        new LlmJitGenerator(model, formula, constraints, clock, LlmJitGenerator.DEFAULT_DEADLINE, events);
    ComparisonLog discard = record -> { };
    HybridJitGenerator hybrid = new HybridJitGenerator(formula, llm, discard, events, clock);
    return new Runtime(new StrategyRegistry(formula, llm, hybrid, ModelAvailability.offline()));
  }

  public JitInputReader reader() {
    return reader;
  }

  public StrategyRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    // Adapters with resources (HTTP clients, connection pools) are closed here.
  }
}

package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.constraint.HardConstraints;
import dev.parakeet.jit.engine.port.ComparisonLog;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.engine.strategy.formula.FormulaJitGenerator;
import dev.parakeet.jit.engine.strategy.hybrid.HybridJitGenerator;
import dev.parakeet.jit.engine.strategy.llm.LlmJitGenerator;
import dev.parakeet.jit.llm.LlmAdapters;
import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.wire.JitInputReader;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: wires the pure core to its adapters from configuration. One per process
 * (or per test); everything in it is thread-safe. Closing it releases the adapters' resources.
 */
public final class Runtime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Runtime.class);

  private final JitInputReader reader = new JitInputReader();
  private final StrategyRegistry registry;
  private final LlmAdapters llm;

  private Runtime(StrategyRegistry registry, LlmAdapters llm) {
    this.registry = registry;
    this.llm = llm;
  }

  /**
   * @throws IllegalArgumentException when the configuration is invalid, naming the setting
   */
  public static Runtime create(Clock clock, LlmSettings settings) {
    StrategyEvents events = new LoggingStrategyEvents();
    HardConstraints constraints = new HardConstraints();
    FormulaJitGenerator formula = new FormulaJitGenerator(clock, constraints);
    LlmAdapters llm = LlmAdapters.create(settings);
    LlmJitGenerator llmStrategy =
        new LlmJitGenerator(llm.model(), formula, constraints, clock, llm.deadline(), events);
    ComparisonLog discard = record -> LOG.debug("comparison of session {} not stored", record.input().sessionId());
    HybridJitGenerator hybrid = new HybridJitGenerator(formula, llmStrategy, discard, events, clock);
    return new Runtime(new StrategyRegistry(formula, llmStrategy, hybrid, llm.availability()), llm);
  }

  public JitInputReader reader() {
    return reader;
  }

  public StrategyRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    try {
      llm.close();
    } catch (Exception e) {
      LOG.warn("could not release the model adapter: {}", e.toString(), e);
    }
  }
}

package dev.parakeet.jit.engine.strategy;

import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.ComparisonLog;
import dev.parakeet.jit.engine.port.ModelAvailability;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.strategy.formula.FormulaJitGenerator;
import dev.parakeet.jit.engine.strategy.hybrid.HybridJitGenerator;
import dev.parakeet.jit.engine.strategy.llm.LlmJitGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code getJitGenerator} of SPEC §7, and the front of the pipeline: a strategy from {@link #get}
 * resolves the input once ({@link SessionContext#of}), hands it to the chosen {@link Proposer}
 * and lets {@link SessionGenerator} finish the proposal. {@code auto} asks the model only while it
 * is online (a provider configured, its circuit breaker not open) and otherwise serves the formula
 * at once; an explicit {@code llm} or {@code hybrid} always tries the model and falls back per call.
 */
public final class StrategyRegistry {

  private final FormulaJitGenerator formula;
  private final LlmJitGenerator llm;
  private final HybridJitGenerator hybrid;
  private final ModelAvailability availability;
  private final SessionGenerator sessions;
  private final Map<StrategySetting, JitGeneratorStrategy> bound = new EnumMap<>(StrategySetting.class);

  public StrategyRegistry(
      FormulaJitGenerator formula,
      LlmJitGenerator llm,
      HybridJitGenerator hybrid,
      ModelAvailability availability,
      SessionGenerator sessions) {
    this.formula = formula;
    this.llm = llm;
    this.hybrid = hybrid;
    this.availability = availability;
    this.sessions = sessions;
    for (StrategySetting setting : StrategySetting.values()) {
      bound.put(setting, new Bound(setting));
    }
  }

  /** The whole core, composed: the three strategies over {@code model}, and the pipeline. */
  public static StrategyRegistry create(
      Clock clock,
      AdjustmentModel model,
      Duration deadline,
      ModelAvailability availability,
      ComparisonLog comparisons,
      StrategyEvents events) {
    FormulaJitGenerator formula = new FormulaJitGenerator();
    LlmJitGenerator llm = new LlmJitGenerator(model, formula, deadline, events);
    return new StrategyRegistry(
        formula,
        llm,
        new HybridJitGenerator(formula, llm),
        availability,
        new SessionGenerator(clock, comparisons, events));
  }

  /** The formula alone, for callers that never ask a model (benchmarks, tools). */
  public static JitGeneratorStrategy formulaOnly(Clock clock) {
    return create(
            clock,
            AdjustmentModel.unconfigured("formula only"),
            LlmJitGenerator.DEFAULT_DEADLINE,
            ModelAvailability.offline(),
            record -> {},
            NO_EVENTS)
        .get(StrategySetting.FORMULA);
  }

  /**
   * The strategy to generate with for {@code setting}, to keep for as many generations as needed:
   * for {@code auto} it chooses afresh at every generation, so a batch follows the circuit
   * breaker as it opens and closes.
   */
  public JitGeneratorStrategy get(StrategySetting setting) {
    return bound.get(setting);
  }

  /** The proposer {@code setting} means right now. */
  public Proposer choose(StrategySetting setting) {
    return switch (setting) {
      case FORMULA -> formula;
      case LLM -> llm;
      case HYBRID -> hybrid;
      case AUTO -> availability.isOnline() ? llm : formula;
    };
  }

  /** A setting bound to the pipeline: resolve once, propose, constrain. */
  private final class Bound implements JitGeneratorStrategy {

    private final StrategySetting setting;

    Bound(StrategySetting setting) {
      this.setting = setting;
    }

    @Override
    public String name() {
      return setting.wire();
    }

    @Override
    public String description() {
      return setting == StrategySetting.AUTO
          ? "The model when a provider is configured and healthy, the formula otherwise."
          : choose(setting).description();
    }

    @Override
    public Generation generation(JitInput input) {
      SessionContext context = SessionContext.of(input);
      return sessions.generate(context, choose(setting));
    }
  }

  /** The formula reports nothing: it never calls a model nor writes a comparison. */
  private static final StrategyEvents NO_EVENTS =
      new StrategyEvents() {
        @Override
        public void modelFailed(String sessionId, String model, ModelCallException failure) {}

        @Override
        public void comparisonLogFailed(String sessionId, RuntimeException failure) {}

        @Override
        public void compared(String sessionId, Divergence divergence, boolean surfaced) {}
      };
}

package dev.parakeet.jit.engine.strategy.hybrid;

import dev.parakeet.jit.engine.model.Comparison;
import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.port.ComparisonLog;
import dev.parakeet.jit.engine.port.ComparisonRecord;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.strategy.formula.FormulaJitGenerator;
import dev.parakeet.jit.engine.strategy.llm.LlmJitGenerator;
import java.time.Clock;

/**
 * The {@code hybrid} strategy (SPEC §6): formula and model on the same input at once, the model's
 * session served with the formula's beside it, and every run written to the comparison log.
 */
public final class HybridJitGenerator implements JitGeneratorStrategy {

  private final FormulaJitGenerator formula;
  private final LlmJitGenerator llm;
  private final ComparisonLog log;
  private final StrategyEvents events;
  private final Clock clock;

  public HybridJitGenerator(
      FormulaJitGenerator formula,
      LlmJitGenerator llm,
      ComparisonLog log,
      StrategyEvents events,
      Clock clock) {
    this.formula = formula;
    this.llm = llm;
    this.log = log;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "hybrid";
  }

  @Override
  public String description() {
    return "Formula and model together: the model's session, compared with the formula's and"
        + " logged.";
  }

  @Override
  public JitOutput generate(JitInput input) {
    SessionContext context = SessionContext.of(input);
    // The model call starts first; the formula is computed while it is under way.
    LlmJitGenerator.Pending pending = llm.begin(context);
    JitOutput formulaOutput = formula.generate(context);
    LlmJitGenerator.Outcome outcome = llm.await(pending);

    if (outcome instanceof LlmJitGenerator.Outcome.Failed failed) {
      String reason = failed.failure().reason();
      JitOutput fallback = formulaOutput.asFallback(reason);
      write(input, formulaOutput, null, null, JitStrategy.FORMULA_FALLBACK, reason);
      return fallback;
    }
    JitOutput llmOutput = ((LlmJitGenerator.Outcome.Used) outcome).output();
    Divergence divergence = DivergenceCalculator.between(formulaOutput, llmOutput);
    boolean surface = DivergenceCalculator.shouldSurface(divergence);
    events.compared(input.sessionId(), divergence, surface);
    write(input, formulaOutput, llmOutput, divergence, JitStrategy.HYBRID, null);
    return llmOutput.asHybrid(new Comparison(formulaOutput, divergence, surface));
  }

  private void write(
      JitInput input,
      JitOutput formulaOutput,
      JitOutput llmOutput,
      Divergence divergence,
      JitStrategy used,
      String reason) {
    try {
      log.record(
          new ComparisonRecord(
              clock.instant(), input, formulaOutput, llmOutput, divergence, used, reason));
    } catch (RuntimeException e) {
      events.comparisonLogFailed(input.sessionId(), e);
    }
  }
}

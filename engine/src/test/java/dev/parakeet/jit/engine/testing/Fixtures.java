package dev.parakeet.jit.engine.testing;

import dev.parakeet.jit.engine.constraint.HardConstraints;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInputBuilder;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.ComparisonLog;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.strategy.formula.FormulaJitGenerator;
import dev.parakeet.jit.engine.strategy.hybrid.HybridJitGenerator;
import dev.parakeet.jit.engine.strategy.llm.LlmJitGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Fixture F of VECTORS.md and a fixed clock, shared by the test suites of every module. */
public final class Fixtures {

  public static final Instant NOW = Instant.parse("2026-11-24T07:30:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Fixtures() {}

  /**
   * sess-001, week 1, block 1, squat, heavy, 1RM 140, Pause Squat and Box Squat, nothing else:
   * defaults everywhere.
   */
  public static JitInputBuilder f() {
    return JitInputBuilder.session("sess-001", 1, Lift.SQUAT, IntensityType.HEAVY, 140)
        .weekNumber(1)
        .activeAuxiliaries(List.of("Pause Squat", "Box Squat"));
  }

  public static FormulaJitGenerator formula() {
    return new FormulaJitGenerator(CLOCK, new HardConstraints());
  }

  /** The LLM strategy over {@code model}, on the fixed clock. */
  public static LlmJitGenerator llm(AdjustmentModel model, Duration deadline, StrategyEvents events) {
    return new LlmJitGenerator(model, formula(), new HardConstraints(), CLOCK, deadline, events);
  }

  /** The hybrid strategy over {@code model}, on the fixed clock. */
  public static HybridJitGenerator hybrid(
      AdjustmentModel model, Duration deadline, ComparisonLog log, StrategyEvents events) {
    return new HybridJitGenerator(formula(), llm(model, deadline, events), log, events, CLOCK);
  }
}

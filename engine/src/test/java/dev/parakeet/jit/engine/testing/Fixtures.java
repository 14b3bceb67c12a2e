package dev.parakeet.jit.engine.testing;

import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInputBuilder;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.ComparisonLog;
import dev.parakeet.jit.engine.port.ModelAvailability;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
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

  /** The formula strategy through the whole pipeline, on the fixed clock. */
  public static JitGeneratorStrategy formula() {
    return StrategyRegistry.formulaOnly(CLOCK);
  }

  /** The whole core over {@code model}, on the fixed clock; {@code auto} follows {@code availability}. */
  public static StrategyRegistry registry(
      AdjustmentModel model,
      Duration deadline,
      ModelAvailability availability,
      ComparisonLog log,
      StrategyEvents events) {
    return StrategyRegistry.create(CLOCK, model, deadline, availability, log, events);
  }

  /** The LLM strategy over {@code model}, on the fixed clock. */
  public static JitGeneratorStrategy llm(AdjustmentModel model, Duration deadline, StrategyEvents events) {
    return registry(model, deadline, ModelAvailability.offline(), RecordingComparisonLog.inMemory(), events)
        .get(StrategySetting.LLM);
  }

  /** The hybrid strategy over {@code model}, on the fixed clock. */
  public static JitGeneratorStrategy hybrid(
      AdjustmentModel model, Duration deadline, ComparisonLog log, StrategyEvents events) {
    return registry(model, deadline, ModelAvailability.offline(), log, events).get(StrategySetting.HYBRID);
  }
}

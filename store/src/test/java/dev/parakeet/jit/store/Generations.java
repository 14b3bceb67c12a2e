package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitInputBuilder;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.wire.JitJson;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Real generations to store: fixture F of VECTORS.md through the formula strategy, varied so that
 * every generation of a session differs (1RM and generation time move with {@code variant}).
 */
final class Generations {

  private Generations() {}

  static JitInputBuilder input(String sessionId, int variant) {
    return Fixtures.f().sessionId(sessionId).oneRmKg(100.0 + (variant % 200) * 2.5);
  }

  static JitOutput output(JitInput input, int variant) {
    Clock at = Clock.fixed(Fixtures.NOW.plusSeconds(variant), ZoneOffset.UTC);
    return StrategyRegistry.formulaOnly(at).generate(input);
  }

  static GenerationToStore of(String sessionId, int variant) {
    return of(input(sessionId, variant).build(), variant, null);
  }

  static GenerationToStore of(JitInput input, int variant, String lifterId) {
    return new GenerationToStore(JitJson.write(input), input, output(input, variant), lifterId);
  }
}

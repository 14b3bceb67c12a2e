package dev.parakeet.jit.engine.strategy;

import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.port.ModelAnswer;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.port.TokenUsage;
import java.time.Duration;
import java.util.Optional;

/**
 * The record of what a model decided in one generation (SPEC §8's {@code llm_decisions}): which
 * model, how long it took, what it proposed, and whether that was used as proposed, clamped by
 * the hard constraints' rule 0, or not used at all.
 */
public sealed interface ModelDecision {

  String model();

  Duration latency();

  /** {@code used}, {@code clamped}, or the failure's kind ({@code timeout}, {@code malformed}…). */
  String outcome();

  /** The model's adjustment, when there was one. */
  Optional<JitAdjustment> adjustment();

  /** The one-line reason the answer was not used, when it was not. */
  Optional<String> failureReason();

  /** The answer's JSON text as the provider sent it (scrubbed), when there was an answer and a text. */
  Optional<String> rawAdjustmentJson();

  /** The tokens the call used, when the provider reported them. */
  Optional<TokenUsage> tokens();

  /** The answer was applied; {@code clamped} when rule 0 (major disruption, over-reaction guard) changed it. */
  record Applied(String model, Duration latency, ModelAnswer answer, boolean clamped)
      implements ModelDecision {

    public JitAdjustment proposed() {
      return answer.adjustment();
    }

    @Override
    public String outcome() {
      return clamped ? "clamped" : "used";
    }

    @Override
    public Optional<JitAdjustment> adjustment() {
      return Optional.of(answer.adjustment());
    }

    @Override
    public Optional<String> failureReason() {
      return Optional.empty();
    }

    @Override
    public Optional<String> rawAdjustmentJson() {
      return Optional.ofNullable(answer.rawJson());
    }

    @Override
    public Optional<TokenUsage> tokens() {
      return answer.tokens();
    }
  }

  /** The answer could not be used; the formula was served. */
  record Failed(String model, Duration latency, ModelCallException.Kind kind, String reason)
      implements ModelDecision {

    @Override
    public String outcome() {
      return kind.wire();
    }

    @Override
    public Optional<JitAdjustment> adjustment() {
      return Optional.empty();
    }

    @Override
    public Optional<String> failureReason() {
      return Optional.of(reason);
    }

    @Override
    public Optional<String> rawAdjustmentJson() {
      return Optional.empty();
    }

    @Override
    public Optional<TokenUsage> tokens() {
      return Optional.empty();
    }
  }
}

package dev.parakeet.jit.engine.port;

import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import java.time.Instant;

/**
 * One hybrid run, for the comparison log (SPEC §6): both answers and how far apart they were.
 * When the model failed, {@code llmOutput} and {@code divergence} are null and {@code
 * failureReason} says why.
 */
public record ComparisonRecord(
    Instant createdAt,
    JitInput input,
    JitOutput formulaOutput,
    JitOutput llmOutput,
    Divergence divergence,
    JitStrategy strategyUsed,
    String failureReason) {}

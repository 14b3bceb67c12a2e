package dev.parakeet.jit.engine.strategy;

import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.port.ModelAnswer;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.session.SessionDraft;
import java.time.Duration;

/** What came of one model call: an answer turned into a draft, or why there is none. */
public sealed interface ModelResult {

  /** Provider and model, as the adapter describes itself; never a credential. */
  String model();

  /** From the start of the call to its answer or failure. */
  Duration latency();

  /** The model's adjustment, applied to the base: a draft by the model. */
  record Answered(String model, Duration latency, ModelAnswer answer, SessionDraft draft)
      implements ModelResult {

    public JitAdjustment adjustment() {
      return answer.adjustment();
    }
  }

  record Failed(String model, Duration latency, ModelCallException failure) implements ModelResult {}
}

package dev.parakeet.jit.llm;

import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.port.ModelCallException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what the strategies reported. */
final class RecordingEvents implements StrategyEvents {

  final List<ModelCallException> failures = new CopyOnWriteArrayList<>();

  @Override
  public void modelFailed(String sessionId, String model, ModelCallException failure) {
    failures.add(failure);
  }

  @Override
  public void comparisonLogFailed(String sessionId, RuntimeException failure) {
    throw new AssertionError("no comparison log here", failure);
  }

  @Override
  public void compared(String sessionId, Divergence divergence, boolean surfaced) {}
}

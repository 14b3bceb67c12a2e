package dev.parakeet.jit.engine.testing;

import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.port.ModelCallException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link StrategyEvents} that keeps every event for assertions. */
public final class RecordingStrategyEvents implements StrategyEvents {

  public record ModelFailure(String sessionId, String model, ModelCallException failure) {}

  public record LogFailure(String sessionId, RuntimeException failure) {}

  public record Compared(String sessionId, Divergence divergence, boolean surfaced) {}

  private final List<ModelFailure> modelFailures = new CopyOnWriteArrayList<>();
  private final List<LogFailure> logFailures = new CopyOnWriteArrayList<>();
  private final List<Compared> comparisons = new CopyOnWriteArrayList<>();

  @Override
  public void modelFailed(String sessionId, String model, ModelCallException failure) {
    modelFailures.add(new ModelFailure(sessionId, model, failure));
  }

  @Override
  public void comparisonLogFailed(String sessionId, RuntimeException failure) {
    logFailures.add(new LogFailure(sessionId, failure));
  }

  @Override
  public void compared(String sessionId, Divergence divergence, boolean surfaced) {
    comparisons.add(new Compared(sessionId, divergence, surfaced));
  }

  public List<ModelFailure> modelFailures() {
    return List.copyOf(modelFailures);
  }

  public List<LogFailure> logFailures() {
    return List.copyOf(logFailures);
  }

  public List<Compared> comparisons() {
    return List.copyOf(comparisons);
  }
}

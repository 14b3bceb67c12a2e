package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.port.ModelAvailability;
import dev.parakeet.jit.llm.LlmSettings;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Says once that {@code auto} has stopped asking a configured model because it kept failing (its
 * circuit is open). Without this a batch would quietly switch to the formula: each session says
 * "formula", which is true, but not why the model was no longer asked.
 */
final class BreakerNotice implements ModelAvailability {

  private final ModelAvailability breaker;
  private final String message;
  private final Consumer<String> notes;
  private final AtomicBoolean told = new AtomicBoolean();

  BreakerNotice(ModelAvailability breaker, LlmSettings settings, Consumer<String> notes) {
    this.breaker = breaker;
    this.notes = notes;
    int failures = settings.breakerFailures();
    this.message =
        "note: the model " + settings.describe() + " failed " + failures
            + (failures == 1 ? " time" : " times in a row")
            + ", so auto serves the formula without asking it for "
            + seconds(settings.breakerCooldown().toMillis()) + ", then tries it again.";
  }

  @Override
  public boolean isOnline() {
    boolean online = breaker.isOnline();
    if (!online && told.compareAndSet(false, true)) {
      notes.accept(message);
    }
    return online;
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}

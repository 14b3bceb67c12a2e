package dev.parakeet.jit.llm;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * A model call's result whose {@link #cancel} really stops the call: it interrupts the worker
 * blocked in the HTTP exchange, and the JDK client then aborts the exchange and closes the
 * connection. (A plain {@code CompletableFuture.cancel}, or {@code orTimeout}, would leave the
 * exchange running — STACK.md.)
 */
final class CancellableCall<T> extends CompletableFuture<T> {

  private volatile Future<?> work;

  /** Binds the running work; if the call was cancelled before, the work is cancelled at once. */
  void attach(Future<?> running) {
    this.work = running;
    if (isCancelled()) {
      running.cancel(true);
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    Future<?> running = work;
    if (running != null) {
      running.cancel(true);
    }
    return cancelled;
  }

  /** Dependent stages are plain futures: cancelling one of them must not reach the exchange. */
  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }
}

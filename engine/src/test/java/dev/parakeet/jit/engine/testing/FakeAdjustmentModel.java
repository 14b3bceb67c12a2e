package dev.parakeet.jit.engine.testing;

import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.port.LlmContext;
import dev.parakeet.jit.engine.port.ModelAnswer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-process {@link AdjustmentModel}: answers with a completed future, a failed one, one that
 * never completes, or throws from {@code propose}. It records every context it was shown and
 * every future it handed out, so tests can check what the model saw and whether a call was
 * cancelled.
 */
public final class FakeAdjustmentModel implements AdjustmentModel {

  public static final String DESCRIPTION = "fake/in-process";

  private final Function<LlmContext, CompletableFuture<ModelAnswer>> answer;
  private final List<LlmContext> contexts = new CopyOnWriteArrayList<>();
  private final List<CompletableFuture<ModelAnswer>> futures = new CopyOnWriteArrayList<>();

  private FakeAdjustmentModel(Function<LlmContext, CompletableFuture<ModelAnswer>> answer) {
    this.answer = answer;
  }

  /** Answers every call at once with {@code adjustment}. */
  public static FakeAdjustmentModel answering(JitAdjustment adjustment) {
    return new FakeAdjustmentModel(context -> CompletableFuture.completedFuture(ModelAnswer.of(adjustment)));
  }

  /** Answers each call with whatever {@code answer} computes from the context, at once. */
  public static FakeAdjustmentModel answering(Function<LlmContext, JitAdjustment> answer) {
    return new FakeAdjustmentModel(context -> CompletableFuture.completedFuture(ModelAnswer.of(answer.apply(context))));
  }

  /** Answers every call with that same {@code future}, as it is (pending, failed or cancelled). */
  public static FakeAdjustmentModel returning(CompletableFuture<ModelAnswer> future) {
    return new FakeAdjustmentModel(context -> future);
  }

  /** Every call fails (the future completes exceptionally with {@code failure}). */
  public static FakeAdjustmentModel failingWith(Throwable failure) {
    return new FakeAdjustmentModel(context -> CompletableFuture.failedFuture(failure));
  }

  /** Every call hangs: the future never completes unless someone cancels it. */
  public static FakeAdjustmentModel neverAnswering() {
    return new FakeAdjustmentModel(context -> new CancelRecordingFuture<>());
  }

  /** {@code propose} itself throws, synchronously, breaking the port's contract. */
  public static FakeAdjustmentModel throwingOnPropose(RuntimeException failure) {
    return new FakeAdjustmentModel(
        context -> {
          throw failure;
        });
  }

  @Override
  public String describe() {
    return DESCRIPTION;
  }

  @Override
  public CompletableFuture<ModelAnswer> propose(LlmContext context) {
    contexts.add(context);
    CompletableFuture<ModelAnswer> future = answer.apply(context);
    futures.add(future);
    return future;
  }

  /** The contexts the model was shown, in call order. */
  public List<LlmContext> contexts() {
    return List.copyOf(contexts);
  }

  /** The futures handed out, in call order. */
  public List<CompletableFuture<ModelAnswer>> futures() {
    return List.copyOf(futures);
  }

  public int calls() {
    return contexts.size();
  }

  /** A future that never completes by itself and remembers how it was cancelled. */
  public static final class CancelRecordingFuture<T> extends CompletableFuture<T> {

    private volatile int cancelCalls;
    private volatile boolean interruptRequested;

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      cancelCalls++;
      interruptRequested |= mayInterruptIfRunning;
      return super.cancel(mayInterruptIfRunning);
    }

    public int cancelCalls() {
      return cancelCalls;
    }

    public boolean interruptRequested() {
      return interruptRequested;
    }
  }
}

package dev.parakeet.jit.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.LlmContext;
import dev.parakeet.jit.engine.port.ModelAnswer;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.port.TokenUsage;
import dev.parakeet.jit.secrets.Secrets;
import dev.parakeet.jit.wire.JitAdjustmentParser;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AdjustmentModel} port over a real provider. Each call runs on a thread blocked in the
 * JDK HTTP client — a worker of its own ({@link CallThread#WORKER}), or the caller's
 * ({@link CallThread#CALLER}); interrupting that thread aborts the exchange and closes the
 * connection. The answer is parsed strictly and bounds-checked before the future completes.
 * Nothing the provider said leaves this class without passing {@link ProviderText}: every
 * configured secret of the process is removed from the answer and from every failure.
 */
public final class ProviderAdjustmentModel implements AdjustmentModel, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderAdjustmentModel.class);

  private final String name;
  private final ChatModel chatModel;
  private final CoachPrompt prompt;
  private final JitAdjustmentParser parser = new JitAdjustmentParser();
  private final ProviderText untrusted = new ProviderText(Secrets.process());
  private final ModelFailures failures;
  private final CallThread callThread;
  private final ThreadPoolExecutor workers;
  private final ScheduledThreadPoolExecutor deadlines;
  private final long deadlineNanos;

  /** Which thread makes a call. */
  public enum CallThread {
    /**
     * A worker of the model's own: {@link #propose} returns at once, and cancelling the returned
     * future interrupts the worker. For callers that do something else while the model answers.
     */
    WORKER,
    /**
     * The thread that calls {@link #propose}, which returns when the call has ended: with the
     * answer or the failure, or — at the deadline, when the call is interrupted and its connection
     * closed — not completed, so that the caller's own wait for the deadline reports the timeout,
     * as it does for a worker's call. For a caller that would only block waiting for the answer
     * (a server's request thread): no hand-off to a worker and back, no second thread per call.
     */
    CALLER
  }

  public ProviderAdjustmentModel(LlmSettings settings) {
    this(settings, CallThread.WORKER);
  }

  public ProviderAdjustmentModel(LlmSettings settings, CallThread callThread) {
    this(settings, new AdjustmentSchema(), callThread);
  }

  /**
   * Over a chat model built elsewhere — an in-process model for benchmarks and tests. Everything
   * else (prompt, context, parsing, bounds, cancellation) is the same as for a real provider.
   */
  public ProviderAdjustmentModel(LlmSettings settings, ChatModel chatModel) {
    this(settings, new AdjustmentSchema(), chatModel, CallThread.WORKER);
  }

  /** One schema for the provider's request and the prompt's bounds. */
  private ProviderAdjustmentModel(LlmSettings settings, AdjustmentSchema schema, CallThread callThread) {
    this(settings, schema, ChatModels.create(settings, schema), callThread);
  }

  private ProviderAdjustmentModel(
      LlmSettings settings, AdjustmentSchema schema, ChatModel chatModel, CallThread callThread) {
    this.name = settings.describe();
    this.chatModel = chatModel;
    this.prompt = new CoachPrompt(schema);
    this.failures = new ModelFailures(settings.provider().wire(), untrusted);
    this.callThread = callThread;
    this.deadlineNanos = settings.deadline().toNanos();
    // Starts its one thread at the first call on a caller's thread; cancelled deadlines leave at once.
    this.deadlines = new ScheduledThreadPoolExecutor(1, daemons("parakeet-llm-deadline"));
    deadlines.setRemoveOnCancelPolicy(true);
    // One thread per call in flight and no limit here: the callers bound the calls at once (the
    // server's PARAKEET_LLM_MAX_IN_FLIGHT, the command line's --parallel). A second limit here
    // would refuse calls they admitted (a limit of 1,000 got 256 model sessions).
    this.workers =
        new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemons("parakeet-llm-"));
  }

  /** Daemon threads named {@code prefix} and, when it ends with a dash, a number. */
  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A valid answer, parsed once by {@link #prepareAnswerParsing()}. */
  private static final String SAMPLE_ANSWER =
      "{\"intensityModifier\":1.0,\"setModifier\":0,\"skipMainLift\":false,\"auxOverrides\":[],"
          + "\"rationale\":[\"Readiness is normal.\"],\"confidence\":\"high\"}";

  /**
   * Parses and checks one valid answer, so that the validator and the answer's reader exist
   * before the first calls come back. A server does this before it listens: otherwise the first
   * burst of answers (hundreds at once) each built the validator's metadata for the answer's types
   * in parallel, on a cold JVM — seconds of CPU that pushed most of a first burst of 200 past
   * the deadline.
   */
  public static void prepareAnswerParsing() {
    new JitAdjustmentParser().parse(SAMPLE_ANSWER);
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public CompletableFuture<ModelAnswer> propose(LlmContext context) {
    CancellableCall<ModelAnswer> call = new CancellableCall<>();
    AtomicBoolean expired = new AtomicBoolean();
    FutureTask<Void> work =
        new FutureTask<>(
            () -> {
              try {
                call.complete(ask(context));
              } catch (Throwable failure) {
                if (expired.get()) {
                  return null; // stopped at the deadline on the caller's thread: the caller times out
                }
                ModelCallException classified = failures.classify(failure);
                if (!call.completeExceptionally(classified)) {
                  LOG.debug("{}: call ended after it was cancelled: {}", name, classified.reason());
                }
              }
              return null;
            });
    call.attach(work);
    if (callThread == CallThread.CALLER) {
      return runHere(work, expired, call);
    }
    try {
      workers.execute(work);
    } catch (RejectedExecutionException e) {
      return closed(call, e);
    }
    return call;
  }

  /** A call after {@link #close()}. */
  private static CompletableFuture<ModelAnswer> closed(CancellableCall<ModelAnswer> call, RejectedExecutionException e) {
    call.completeExceptionally(
        new ModelCallException(ModelCallException.Kind.UNEXPECTED, "the model client is closed", e));
    return call;
  }

  /**
   * Runs the call on this thread, interrupted at the deadline. {@link FutureTask#run} returns only
   * once a cancellation's interrupt has been delivered, so the deadline's interrupt is cleared here
   * and never reaches what the thread does next; an interrupt of the caller's own (the server
   * stopping) is kept.
   */
  private CompletableFuture<ModelAnswer> runHere(
      FutureTask<Void> work, AtomicBoolean expired, CancellableCall<ModelAnswer> call) {
    ScheduledFuture<?> deadline;
    try {
      deadline =
          deadlines.schedule(
              () -> {
                expired.set(true);
                work.cancel(true);
              },
              deadlineNanos,
              TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return closed(call, e);
    }
    work.run();
    deadline.cancel(false);
    if (expired.get() && work.isCancelled()) {
      Thread.interrupted();
    } else if (interrupted(call)) {
      Thread.currentThread().interrupt(); // the caller's own, which the exchange consumed
    }
    return call;
  }

  private static boolean interrupted(CompletableFuture<ModelAnswer> call) {
    try {
      call.getNow(null);
      return false;
    } catch (CompletionException e) {
      return e.getCause() instanceof ModelCallException failure
          && failure.kind() == ModelCallException.Kind.INTERRUPTED;
    } catch (CancellationException e) {
      return false;
    }
  }

  private ModelAnswer ask(LlmContext context) {
    ChatRequest request =
        ChatRequest.builder()
            .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user(context)))
            .build();
    ChatResponse response = chatModel.chat(request);
    String answer = untrusted.received(ProviderAnswers.extract(response, name));
    return new ModelAnswer(untrusted.adjustment(parser.parse(answer)), answer, tokens(response));
  }

  /** The usage the provider reported (LangChain4j reads it from each provider's own fields). */
  private static Optional<TokenUsage> tokens(ChatResponse response) {
    dev.langchain4j.model.output.TokenUsage usage = response.tokenUsage();
    if (usage == null || usage.inputTokenCount() == null && usage.outputTokenCount() == null) {
      return Optional.empty();
    }
    return Optional.of(new TokenUsage(usage.inputTokenCount(), usage.outputTokenCount()));
  }

  @Override
  public void close() {
    workers.shutdownNow();
    deadlines.shutdownNow();
  }
}

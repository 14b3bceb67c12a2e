package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.ComparisonLog;
import dev.parakeet.jit.engine.port.ModelAvailability;
import dev.parakeet.jit.engine.port.StrategyEvents;
import dev.parakeet.jit.engine.strategy.Generation;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.llm.LlmAdapters;
import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.llm.ProviderAdjustmentModel;
import dev.parakeet.jit.secrets.Secrets;
import dev.parakeet.jit.store.BatchListener;
import dev.parakeet.jit.store.BatchPolicy;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.store.SessionBatch;
import dev.parakeet.jit.wire.ParsedInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.StrategySetting;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: wires the pure core to its adapters from configuration. One per process
 * (or per test); everything in it is thread-safe. Closing it releases the adapters' resources.
 */
public final class Runtime implements AutoCloseable {

  /** Looked up on first use: a run that logs nothing never sets up logging (a short run's start-up). */
  private static final class Log {
    static final Logger RUNTIME = LoggerFactory.getLogger(Runtime.class);
  }

  private final StrategyRegistry registry;
  private final LlmAdapters llm;
  private final Database database;
  private final Decisions decisions;

  private Runtime(StrategyRegistry registry, LlmAdapters llm, Database database, Decisions decisions) {
    this.registry = registry;
    this.llm = llm;
    this.database = database;
    this.decisions = decisions;
  }

  /**
   * @param strategy what will be asked of this runtime: with {@code formula} no model client is
   *     built at all
   * @param database where sessions and comparison logs go, or null to store nothing
   */
  public static Runtime create(
      Clock clock, LlmSettings settings, StrategySetting strategy, Database database) {
    return create(
        clock, settings, strategy, database, note -> Log.RUNTIME.info("{}", note), UnaryOperator.identity(),
        ProviderAdjustmentModel.CallThread.WORKER);
  }

  /**
   * As {@link #create(Clock, LlmSettings, StrategySetting, Database)}, telling {@code notes} what a
   * person running it should know once (that {@code auto} stopped asking a failing model), and with
   * {@code modelGate} wrapped around the model port, outside its circuit breaker (the server's
   * admission control; the identity for the command line), the provider's calls made on
   * {@code callThread} (the server's request threads wait for the answer anyway, so they make the
   * call themselves; the command line's callers get a worker per call).
   */
  public static Runtime create(
      Clock clock,
      LlmSettings settings,
      StrategySetting strategy,
      Database database,
      Consumer<String> notes,
      UnaryOperator<AdjustmentModel> modelGate,
      ProviderAdjustmentModel.CallThread callThread) {
    StrategyEvents events = new LoggingStrategyEvents();
    LlmAdapters llm =
        strategy == StrategySetting.FORMULA
            ? LlmAdapters.unused(settings)
            : LlmAdapters.create(settings, callThread);
    ComparisonLog comparisons =
        database != null
            ? database.comparisonLog()
            : record -> Log.RUNTIME.debug("comparison of session {} not stored (--no-store)", record.input().sessionId());
    ModelAvailability availability =
        settings.configured() ? new BreakerNotice(llm.availability(), settings, notes) : llm.availability();
    return new Runtime(
        StrategyRegistry.create(
            clock, modelGate.apply(llm.model()), llm.deadline(), availability, comparisons, events),
        llm,
        database,
        new Decisions(settings, Secrets.process()));
  }

  public StrategyRegistry registry() {
    return registry;
  }

  /**
   * Records a generation with its input snapshot, in one transaction; nothing when this runtime
   * stores nothing.
   *
   * @throws dev.parakeet.jit.store.StoreException when the store fails
   */
  public void record(ParsedInput parsed, Generation generation) {
    if (database == null) {
      return;
    }
    database.sessions().record(storable(parsed, generation));
  }

  /** Whether this runtime records what it generates. */
  public boolean stores() {
    return database != null;
  }

  /**
   * A batch that records generations in input order, in grouped transactions, and tells {@code
   * listener} which are committed ({@link SessionBatch}); only for a runtime that {@link #stores}.
   */
  public <T> SessionBatch<T> batch(BatchListener<T> listener) {
    if (database == null) {
      throw new IllegalStateException("this runtime stores nothing");
    }
    return database.sessions().batch(BatchPolicy.DEFAULT, listener);
  }

  /**
   * What the store keeps of one generation: the input snapshot as received, the input, the output,
   * its lifter and — when a model was asked — the decision record (SPEC §8), written in the same
   * transaction. The one conversion every recording path (one session, a batch, the server) goes
   * through.
   */
  public GenerationToStore storable(ParsedInput parsed, Generation generation) {
    GenerationToStore storable =
        GenerationToStore.of(parsed.snapshotJson(), parsed.input(), generation.output());
    return generation.decision().map(d -> storable.withDecision(decisions.record(d))).orElse(storable);
  }

  @Override
  public void close() {
    try {
      llm.close();
    } catch (RuntimeException e) {
      Log.RUNTIME.warn("could not release the model adapter: {}", e.toString(), e);
    }
    if (database != null) {
      database.close();
    }
  }
}

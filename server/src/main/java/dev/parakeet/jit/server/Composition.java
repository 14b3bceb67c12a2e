package dev.parakeet.jit.server;

import dev.parakeet.jit.app.Runtime;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.strategy.Generation;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.llm.ProviderAdjustmentModel;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.wire.ParsedInput;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's use of the composition root: the command line's {@link Runtime} (one composition,
 * not a copy), with the server's admission control around the model port. The only class of this
 * module that knows {@code Runtime}; when the root moves to a module of its own, only this changes.
 */
final class Composition implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("parakeet.model");

  private final Runtime runtime;
  private final Database database;
  private final LlmSettings llm;

  private Composition(Runtime runtime, Database database, LlmSettings llm) {
    this.runtime = runtime;
    this.database = database;
    this.llm = llm;
  }

  /**
   * @param database opened by the caller; closed with this composition
   */
  static Composition create(Clock clock, LlmSettings llm, Database database, ModelAdmission admission) {
    // Built for AUTO, never FORMULA: any request may ask for the model, so the client must exist.
    // A request thread only waits while the model answers: it makes the call itself.
    Runtime runtime = Runtime.create(
        clock, llm, StrategySetting.AUTO, database, note -> LOG.info("{}", note), admission::around,
        ProviderAdjustmentModel.CallThread.CALLER);
    if (llm.configured()) {
      ProviderAdjustmentModel.prepareAnswerParsing();
    }
    return new Composition(runtime, database, llm);
  }

  StrategyRegistry registry() {
    return runtime.registry();
  }

  /** What the store keeps of a generation: the command line's one conversion ({@link Runtime#storable}). */
  GenerationToStore storable(ParsedInput parsed, Generation generation) {
    return runtime.storable(parsed, generation);
  }

  Database database() {
    return database;
  }

  LlmSettings llm() {
    return llm;
  }

  /** Releases the model client and closes the database. */
  @Override
  public void close() {
    runtime.close();
  }
}

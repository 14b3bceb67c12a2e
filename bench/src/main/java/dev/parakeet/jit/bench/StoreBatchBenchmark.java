package dev.parakeet.jit.bench;

import dev.parakeet.jit.store.BatchPolicy;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.store.SessionBatch;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many formula sessions per second the store records, on a real database with its durability
 * on (SQLite {@code synchronous=FULL}; PostgreSQL {@code fsync}, synchronous commit):
 *
 * <ul>
 *   <li>{@link #batch}: a {@link SessionBatch} with the default policy, as {@code replay} stores —
 *       5,000 generations added in input order and the batch closed (everything committed);
 *   <li>{@link #recordEach}: {@code record} per generation, one transaction each, as a single
 *       {@code generate} stores (and as {@code replay} stored before batches).
 * </ul>
 *
 * One operation is one stored session (ops/s = sessions/s). The generations are made in setup
 * ({@link StoredGenerations}); the measured path is the store's: serialising the output, binding,
 * writing, committing. The database keeps growing across iterations; once the inputs are used up
 * they come round again as regenerations (the upsert's update path and a longer history), which is
 * what a {@code replay} of stored snapshots does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class StoreBatchBenchmark {

  static final int BATCH = 5_000;
  static final int EACH = 50;

  @Param({"sqlite", "postgresql"})
  public String backend;

  /** NDJSON (.gz) of JitInputs; when absent, the Scenario mix. */
  @Param({"/work/shared/bench/inputs-50k.ndjson.gz"})
  public String inputs;

  @Param({"20000"})
  public int generations;

  private BenchDatabases databases;
  private Database db;
  private List<GenerationToStore> pending;
  private int cursor;

  @Setup(Level.Trial)
  public void setUp() {
    pending = StoredGenerations.load(inputs, generations);
    databases = BenchDatabases.start(backend);
    db = Database.open(databases.url());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    db.close();
    databases.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int batch() {
    int[] committed = new int[1];
    try (SessionBatch<Integer> batch =
        db.sessions().batch(BatchPolicy.DEFAULT, tickets -> committed[0] += tickets.size())) {
      for (int i = 0; i < BATCH; i++) {
        batch.add(next(), i);
      }
    }
    return committed[0];
  }

  @Benchmark
  @OperationsPerInvocation(EACH)
  public long recordEach() {
    long ids = 0;
    for (int i = 0; i < EACH; i++) {
      ids += db.sessions().record(next()).generationId();
    }
    return ids;
  }

  private GenerationToStore next() {
    GenerationToStore next = pending.get(cursor);
    cursor = (cursor + 1) % pending.size();
    return next;
  }
}

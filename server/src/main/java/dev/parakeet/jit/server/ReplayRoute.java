package dev.parakeet.jit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.app.BoundedLines;
import dev.parakeet.jit.app.Rejections;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.strategy.Generation;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.store.OwnerConflictException;
import dev.parakeet.jit.wire.DocumentRejectedException;
import dev.parakeet.jit.wire.JitInputReader;
import dev.parakeet.jit.wire.JitJson;
import dev.parakeet.jit.wire.ParsedInput;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * {@code POST /v1/replay} (SPEC §10.3), as {@code parakeet replay}: newline-delimited JitInputs in,
 * one JitOutput per line out, streamed in input order while later lines are still arriving. A
 * rejected line answers {@code {"line": N, "error": "input rejected", "violations": [...]}} and the
 * batch goes on; a line that cannot be stored ends the stream with {@code {"line": N, "error":
 * "not stored"}}. Each line is at most 1 MiB; the body as a whole is a stream and has no limit.
 */
final class ReplayRoute {

  /** Lines generated at once per request (model calls wait on the network). */
  static final int PARALLEL = 8;

  /** Formula lines per worker task, at most. */
  static final int CHUNK = 64;

  private final JitInputReader reader;
  private final StrategyRegistry registry;
  private final BiFunction<ParsedInput, Generation, GenerationToStore> storable;
  private final Stores stores;
  private final ServerMetrics metrics;
  private final StrategySetting defaultStrategy;
  private final ExecutorService workers;

  ReplayRoute(
      JitInputReader reader,
      StrategyRegistry registry,
      BiFunction<ParsedInput, Generation, GenerationToStore> storable,
      Stores stores,
      ServerMetrics metrics,
      StrategySetting defaultStrategy,
      ExecutorService workers) {
    this.reader = reader;
    this.registry = registry;
    this.storable = storable;
    this.stores = stores;
    this.metrics = metrics;
    this.defaultStrategy = defaultStrategy;
    this.workers = workers;
  }

  /** What one line became: a rejection to write, or a generation to record (in line order) and write. */
  private sealed interface Result {
    record Rejected(String json) implements Result {}

    record Generated(BoundedLines.Line line, ParsedInput parsed, Generation generation) implements Result {}
  }

  void handle(Context ctx) throws IOException, InterruptedException {
    RequestBodies.requireMediaType(ctx, Api.NDJSON, Api.NDJSON);
    StrategySetting requested = Api.strategy(ctx);
    Boolean storeParam = Api.bool(ctx, "store");
    boolean store = storeParam == null || storeParam;
    StrategySetting setting = requested != null ? requested : defaultStrategy;
    JitGeneratorStrategy generator = registry.get(setting);
    // The formula never waits: lines go to a worker in chunks, since handing one line to another
    // thread costs more than its session. A strategy that may ask the model takes a line per
    // worker, so up to PARALLEL calls wait at once.
    int chunk = setting == StrategySetting.FORMULA ? CHUNK : 1;
    ctx.status(200).contentType(Api.NDJSON);
    OutputStream out = ctx.res().getOutputStream();
    InputStream body = ctx.req().getInputStream(); // BoundedLines reads it in blocks of its own
    BoundedLines lines = new BoundedLines(body, RequestBodies.MAX_BYTES);
    Deque<Future<List<Result>>> window = new ArrayDeque<>();
    List<BoundedLines.Line> collected = new ArrayList<>(chunk);
    try {
      BoundedLines.Line line;
      while (true) {
        if (!lines.lineBuffered() && body.available() == 0) {
          // About to wait for the client, who may be waiting for an answer: the lines read so far
          // go to a worker, and the oldest answers and every other ready one go out first.
          collected = submit(collected, generator, window, chunk);
          if (!window.isEmpty()) {
            do {
              if (finish(window.removeFirst(), store, out)) {
                return;
              }
            } while (!window.isEmpty() && window.peekFirst().isDone());
            out.flush();
          }
        }
        if ((line = lines.next()) == null) {
          break;
        }
        if (line.blank()) {
          continue;
        }
        collected.add(line);
        if (collected.size() >= chunk) {
          collected = submit(collected, generator, window, chunk);
          if (window.size() >= PARALLEL * 2 && finish(window.removeFirst(), store, out)) {
            return;
          }
        }
      }
      submit(collected, generator, window, chunk);
      while (!window.isEmpty()) {
        if (finish(window.removeFirst(), store, out)) {
          return;
        }
      }
    } finally {
      window.forEach(pending -> pending.cancel(true));
    }
  }

  /** Hands the collected lines (if any) to a worker; returns the list to collect the next ones in. */
  private List<BoundedLines.Line> submit(
      List<BoundedLines.Line> collected, JitGeneratorStrategy generator, Deque<Future<List<Result>>> window, int chunk) {
    if (collected.isEmpty()) {
      return collected;
    }
    List<BoundedLines.Line> taken = collected;
    window.add(workers.submit(() -> {
      List<Result> results = new ArrayList<>(taken.size());
      for (BoundedLines.Line each : taken) {
        results.add(replay(each, generator));
      }
      return results;
    }));
    return new ArrayList<>(chunk);
  }

  /** Reads and generates one line, on a worker; recording waits for {@link #finish}, in line order. */
  private Result replay(BoundedLines.Line line, JitGeneratorStrategy generator) {
    ParsedInput parsed;
    try {
      if (line.oversized()) {
        throw DocumentRejectedException.oversized(JitInputReader.WHAT, line.length());
      }
      parsed = reader.read(line.bytes());
    } catch (DocumentRejectedException e) {
      return new Result.Rejected(JitJson.write(Rejections.errorObject(line.number(), e)));
    }
    long started = System.nanoTime();
    Generation generation = generator.generation(parsed.input());
    metrics.generated(generation.output(), System.nanoTime() - started);
    return new Result.Generated(line, parsed, generation);
  }

  /**
   * Records a chunk's generations and writes their lines, as soon as the chunk and every line
   * before it are done. Recording here, on the request's thread, keeps the history in line order: a session
   * regenerated by several lines gets its revisions in the order of the lines (SPEC §8). True when
   * the batch ends with this line (it could not be stored). Lines are flushed when the next one
   * must be waited for (here, or for the client in {@link #handle}), not one by one: a flush is a
   * chunk and a write to the socket, and costs more than the line's session.
   */
  private boolean finish(Future<List<Result>> pending, boolean store, OutputStream out)
      throws IOException, InterruptedException {
    if (!pending.isDone()) {
      out.flush();
    }
    List<Result> results;
    try {
      results = pending.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("replay failed: " + e.getCause(), e.getCause());
    }
    for (Result result : results) {
      if (finish(result, store, out)) {
        return true;
      }
    }
    return false;
  }

  private boolean finish(Result result, boolean store, OutputStream out) throws IOException {
    if (result instanceof Result.Rejected rejected) {
      return write(rejected.json(), false, out);
    }
    Result.Generated generated = (Result.Generated) result;
    if (store) {
      try {
        stores.record(storable.apply(generated.parsed(), generated.generation()));
      } catch (ApiProblem unavailable) {
        return write(notStored(generated.line(), unavailable.detail()), true, out);
      } catch (OwnerConflictException e) {
        return write(notStored(generated.line(), e.getMessage()), true, out);
      }
    }
    return write(JitJson.write(generated.generation().output()), false, out);
  }

  /** The line that ends the stream: this generation could not be stored. */
  private static String notStored(BoundedLines.Line line, String detail) {
    ObjectNode error = JitJson.mapper().createObjectNode();
    error.put("line", line.number());
    error.put("error", "not stored");
    error.put("detail", detail);
    return JitJson.write(error);
  }

  private static boolean write(String json, boolean last, OutputStream out) throws IOException {
    out.write(json.getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    return last;
  }
}

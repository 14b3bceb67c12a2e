package dev.parakeet.jit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.app.BoundedLines;
import dev.parakeet.jit.app.Rejections;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.wire.DocumentRejectedException;
import dev.parakeet.jit.wire.JitInputReader;
import dev.parakeet.jit.wire.JitJson;
import dev.parakeet.jit.wire.ParsedInput;
import io.javalin.http.Context;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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

  private final JitInputReader reader;
  private final StrategyRegistry registry;
  private final Stores stores;
  private final ServerMetrics metrics;
  private final StrategySetting defaultStrategy;
  private final ExecutorService workers;

  ReplayRoute(
      JitInputReader reader,
      StrategyRegistry registry,
      Stores stores,
      ServerMetrics metrics,
      StrategySetting defaultStrategy,
      ExecutorService workers) {
    this.reader = reader;
    this.registry = registry;
    this.stores = stores;
    this.metrics = metrics;
    this.defaultStrategy = defaultStrategy;
    this.workers = workers;
  }

  /** What one line became: the JSON line to write, and whether the batch stops after it. */
  private record Result(String json, boolean last) {}

  void handle(Context ctx) throws IOException, InterruptedException {
    RequestBodies.requireMediaType(ctx, Api.NDJSON, Api.NDJSON);
    StrategySetting requested = Api.strategy(ctx);
    Boolean storeParam = Api.bool(ctx, "store");
    boolean store = storeParam == null || storeParam;
    JitGeneratorStrategy generator = registry.get(requested != null ? requested : defaultStrategy);
    ctx.status(200).contentType(Api.NDJSON);
    OutputStream out = ctx.res().getOutputStream();
    // Lines are read a byte at a time: from the servlet stream directly, each byte would cost a call
    // into Jetty.
    InputStream body = new BufferedInputStream(ctx.req().getInputStream(), 1 << 16);
    BoundedLines lines = new BoundedLines(body, RequestBodies.MAX_BYTES);
    Deque<Future<Result>> window = new ArrayDeque<>();
    try {
      BoundedLines.Line line;
      while (true) {
        if (body.available() == 0 && !window.isEmpty()) {
          // About to wait for the client, who may be waiting for an answer: the oldest line's
          // answer and every other ready one go out first.
          do {
            if (write(window.removeFirst(), out)) {
              return;
            }
          } while (!window.isEmpty() && window.peekFirst().isDone());
          out.flush();
        }
        if ((line = lines.next()) == null) {
          break;
        }
        if (!line.oversized() && new String(line.bytes(), StandardCharsets.UTF_8).isBlank()) {
          continue;
        }
        BoundedLines.Line current = line;
        window.add(workers.submit(() -> replay(current, generator, store)));
        if (window.size() >= PARALLEL * 2 && write(window.removeFirst(), out)) {
          return;
        }
      }
      while (!window.isEmpty()) {
        if (write(window.removeFirst(), out)) {
          return;
        }
      }
    } finally {
      window.forEach(pending -> pending.cancel(true));
    }
  }

  private Result replay(BoundedLines.Line line, JitGeneratorStrategy generator, boolean store) {
    ParsedInput parsed;
    try {
      if (line.oversized()) {
        throw DocumentRejectedException.oversized(JitInputReader.WHAT, line.length());
      }
      parsed = reader.read(line.bytes());
    } catch (DocumentRejectedException e) {
      return new Result(JitJson.write(Rejections.errorObject(line.number(), e)), false);
    }
    long started = System.nanoTime();
    JitOutput output = generator.generate(parsed.input());
    metrics.generated(output, System.nanoTime() - started);
    if (store) {
      try {
        stores.record(GenerationToStore.of(parsed.snapshotJson(), parsed.input(), output));
      } catch (ApiProblem unavailable) {
        ObjectNode error = JitJson.mapper().createObjectNode();
        error.put("line", line.number());
        error.put("error", "not stored");
        error.put("detail", unavailable.detail());
        return new Result(JitJson.write(error), true);
      }
    }
    return new Result(JitJson.write(output), false);
  }

  /**
   * Writes one line as soon as it is ready; true when the batch ends with it. Lines are flushed
   * when the next one must be waited for (here, or for the client in {@link #handle}), not one by
   * one: a flush is a chunk and a write to the socket, and costs more than the line's session.
   */
  private static boolean write(Future<Result> pending, OutputStream out)
      throws IOException, InterruptedException {
    if (!pending.isDone()) {
      out.flush();
    }
    Result result;
    try {
      result = pending.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("replay failed: " + e.getCause(), e.getCause());
    }
    out.write(result.json().getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    return result.last();
  }
}

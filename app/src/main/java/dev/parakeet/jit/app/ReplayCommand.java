package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.strategy.Generation;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.store.StoreException;
import dev.parakeet.jit.wire.DocumentRejectedException;
import dev.parakeet.jit.wire.JitInputReader;
import dev.parakeet.jit.wire.JitJson;
import dev.parakeet.jit.wire.ParsedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parakeet replay FILE|-}: newline-delimited JitInputs in, one JitOutput JSON per line out,
 * in order. An invalid line gives an error object with its line number and the batch goes on;
 * this is how stored input snapshots are re-run under any strategy. Lines are generated
 * concurrently (a model call waits on the network); they are recorded and written in input order,
 * so a batch that regenerates one session several times leaves its last line as the latest
 * generation and the history in the order of the lines (SPEC §8, "Order").
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-runs JitInputs, one JSON document per line, under a strategy.",
      "Writes one JitOutput per line, in input order; a rejected line gives"
          + " {\"line\": N, \"error\": \"input rejected\", \"violations\": [...]} and the batch goes on.",
      "Exit status 2 when any line was rejected."
    })
final class ReplayCommand implements Callable<Integer> {

  @ParentCommand ParakeetCommand parent;

  @Parameters(paramLabel = "FILE", description = "Newline-delimited JitInputs, or - for standard input.")
  String file;

  @Mixin StrategyOptions strategy;

  @Mixin DatabaseOption db;

  @Option(names = "--no-store", description = "Do not record the sessions (nothing is written).")
  boolean noStore;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      defaultValue = "4",
      converter = Bounds.Parallel.class,
      description =
          "How many lines to generate at once, 1 to 256 (default: ${DEFAULT-VALUE}); they are recorded"
              + " and written in input order.")
  int parallel;

  /** What a worker made of one line: a generation still to record, or a rejection to write. */
  private sealed interface Result {
    record Generated(int line, ParsedInput parsed, Generation generation) implements Result {}

    record Rejected(String json) implements Result {}
  }

  @Override
  public Integer call() {
    Console console = parent.console;
    PrintStream out = console.out();
    int[] counts = new int[2];
    ExecutorService workers = Executors.newFixedThreadPool(parallel);
    try (InputStream in = InputSource.open(file, console.in())) {
      BoundedLines lines = new BoundedLines(in, JitJson.MAX_DOCUMENT_BYTES);
      BoundedLines.Line first = nextNonBlank(lines);
      if (first != null) {
        refuseOneDocument(first);
      }
      // Opened only once the input looks like a batch: a wrong file creates no database.
      try (Runtime runtime = parent.runtime(strategy, db, !noStore)) {
        JitGeneratorStrategy generator = runtime.registry().get(strategy.strategy);
        JitInputReader reader = parent.reader();
        Deque<Future<Result>> window = new ArrayDeque<>();
        for (BoundedLines.Line line = first; line != null; line = nextNonBlank(lines)) {
          BoundedLines.Line current = line;
          window.add(workers.submit(() -> generate(reader, generator, current)));
          // A bounded window keeps memory flat on long batches while every worker stays busy.
          if (window.size() >= parallel * 2) {
            finish(window.removeFirst(), runtime, out, counts);
          }
        }
        while (!window.isEmpty()) {
          finish(window.removeFirst(), runtime, out, counts);
        }
      }
    } catch (IOException e) {
      throw InputSource.unreadable(file, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      console.message("replay interrupted");
      return ExitCode.FAILURE;
    } finally {
      workers.shutdownNow();
    }
    console.message("replayed " + (counts[0] + counts[1]) + " inputs: " + counts[0]
        + " generated, " + counts[1] + " rejected");
    return counts[1] > 0 ? ExitCode.REJECTED : ExitCode.OK;
  }

  private static BoundedLines.Line nextNonBlank(BoundedLines lines) throws IOException {
    BoundedLines.Line line;
    do {
      line = lines.next();
    } while (line != null && !line.oversized() && new String(line.bytes(), StandardCharsets.UTF_8).isBlank());
    return line;
  }

  /**
   * A pretty-printed document starts with a line that is only its opening brace, and a JSON array
   * with a bracket: neither is a batch, and replaying it would give one parse error per line.
   */
  private void refuseOneDocument(BoundedLines.Line first) {
    if (first.oversized()) {
      return;
    }
    String text = new String(first.bytes(), StandardCharsets.UTF_8).strip();
    String source = InputSource.describe(file);
    String argument = "-".equals(file) ? "-" : file;
    if (text.equals("{")) {
      throw new CommandFailure(ExitCode.REJECTED,
          source + " looks like one JSON document, not one per line — use 'parakeet generate "
              + argument + "' (or put each document on a line of its own, e.g. with jq -c)", null);
    }
    if (text.startsWith("[")) {
      throw new CommandFailure(ExitCode.REJECTED,
          source + " looks like a JSON array, not one document per line — put each element on a line"
              + " of its own (e.g. jq -c '.[]')", null);
    }
  }

  private static Result generate(JitInputReader reader, JitGeneratorStrategy generator, BoundedLines.Line line) {
    try {
      if (line.oversized()) {
        throw DocumentRejectedException.oversized(JitInputReader.WHAT, line.length());
      }
      ParsedInput parsed = reader.read(line.bytes());
      return new Result.Generated(line.number(), parsed, generator.generation(parsed.input()));
    } catch (DocumentRejectedException e) {
      return new Result.Rejected(JitJson.write(Rejections.errorObject(line.number(), e)));
    }
  }

  /** Records (in input order, here on one thread) and writes one line's result. */
  private static void finish(Future<Result> pending, Runtime runtime, PrintStream out, int[] counts)
      throws InterruptedException {
    Result result;
    try {
      result = pending.get();
    } catch (ExecutionException e) {
      // A generator never throws on valid input; if one does, the batch still fails loudly.
      throw new IllegalStateException("replay failed: " + e.getCause(), e.getCause());
    }
    if (result instanceof Result.Generated generated) {
      try {
        runtime.record(generated.parsed(), generated.generation());
      } catch (StoreException e) {
        // The store is down or refusing: the batch stops, saying where.
        throw CommandFailure.failed(
            "line " + generated.line() + " was generated but not stored: " + e.getMessage(), e);
      }
      out.println(JitJson.write(generated.generation().output()));
      counts[0]++;
    } else if (result instanceof Result.Rejected rejected) {
      out.println(rejected.json());
      counts[1]++;
    }
    out.flush();
  }
}

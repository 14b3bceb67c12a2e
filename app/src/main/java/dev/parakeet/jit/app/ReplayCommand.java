package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.JitOutput;
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
 * concurrently (a model call waits on the network) and written in input order.
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
      description = "How many lines to generate at once (default: ${DEFAULT-VALUE}); output order is kept.")
  int parallel;

  /** What one line became: an output line, and whether it was rejected. */
  private record Result(String json, boolean rejected) {}

  @Override
  public Integer call() {
    Console console = parent.console;
    if (parallel < 1) {
      throw CommandFailure.rejected("--parallel must be at least 1, was " + parallel);
    }
    PrintStream out = console.out();
    int[] counts = new int[2];
    ExecutorService workers = Executors.newFixedThreadPool(parallel);
    try (InputStream in = InputSource.open(file, console.in());
        Runtime runtime = parent.runtime(strategy, db, !noStore)) {
      JitGeneratorStrategy generator = runtime.registry().get(strategy.strategy);
      JitInputReader reader = parent.reader();
      BoundedLines lines = new BoundedLines(in, JitJson.MAX_DOCUMENT_BYTES);
      Deque<Future<Result>> window = new ArrayDeque<>();
      BoundedLines.Line line;
      while ((line = lines.next()) != null) {
        if (!line.oversized() && new String(line.bytes(), StandardCharsets.UTF_8).isBlank()) {
          continue;
        }
        BoundedLines.Line current = line;
        window.add(workers.submit(() -> replay(reader, runtime, generator, current)));
        // A bounded window keeps memory flat on long batches while every worker stays busy.
        if (window.size() >= parallel * 2) {
          write(window.removeFirst(), out, counts);
        }
      }
      while (!window.isEmpty()) {
        write(window.removeFirst(), out, counts);
      }
    } catch (IOException e) {
      throw InputSource.unreadable(file, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      console.err().println("parakeet: replay interrupted");
      return ExitCode.FAILURE;
    } finally {
      workers.shutdownNow();
    }
    console.err().println("parakeet: replayed " + (counts[0] + counts[1]) + " inputs: " + counts[0]
        + " generated, " + counts[1] + " rejected");
    return counts[1] > 0 ? ExitCode.REJECTED : ExitCode.OK;
  }

  private static Result replay(
      JitInputReader reader, Runtime runtime, JitGeneratorStrategy generator, BoundedLines.Line line) {
    try {
      if (line.oversized()) {
        throw DocumentRejectedException.oversized(JitInputReader.WHAT, line.length());
      }
      ParsedInput parsed = reader.read(line.bytes());
      JitOutput output = generator.generate(parsed.input());
      try {
        runtime.record(parsed, output);
      } catch (StoreException e) {
        // The store is down or refusing: the batch stops, saying where.
        throw new CommandFailure(
            ExitCode.FAILURE, "line " + line.number() + " was generated but not stored: " + e.getMessage(), e);
      }
      return new Result(JitJson.write(output), false);
    } catch (DocumentRejectedException e) {
      return new Result(JitJson.write(Rejections.errorObject(line.number(), e)), true);
    }
  }

  private static void write(Future<Result> pending, PrintStream out, int[] counts)
      throws InterruptedException {
    Result result;
    try {
      result = pending.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CommandFailure failure) {
        throw failure;
      }
      // A generator never throws on valid input; if one does, the batch still fails loudly.
      throw new IllegalStateException("replay failed: " + e.getCause(), e.getCause());
    }
    out.println(result.json());
    out.flush();
    counts[result.rejected() ? 1 : 0]++;
  }
}

package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.strategy.Generation;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.store.BatchListener;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.store.PreparedGeneration;
import dev.parakeet.jit.store.SessionBatch;
import dev.parakeet.jit.store.StoreException;
import dev.parakeet.jit.wire.DocumentRejectedException;
import dev.parakeet.jit.wire.JitInputReader;
import dev.parakeet.jit.wire.JitJson;
import dev.parakeet.jit.wire.ParsedInput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    name = ReplayCommand.NAME,
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = {
      "Re-runs JitInputs, one JSON document per line, under a strategy.",
      "Writes one JitOutput per line, in input order; a rejected line gives"
          + " {\"line\": N, \"error\": \"input rejected\", \"violations\": [...]} and the batch goes on.",
      "Exit status 2 when any line was rejected."
    })
final class ReplayCommand implements Callable<Integer> {

  static final String NAME = "replay";

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
    /** {@code text} is the output line, written and encoded by the worker, not the ordering thread. */
    record Generated(int line, PreparedGeneration storable, byte[] text) implements Result {}

    record Rejected(byte[] text) implements Result {}
  }

  @Override
  public Integer call() {
    Console console = parent.console;
    ExecutorService workers = Executors.newFixedThreadPool(threads());
    Lines sink = null;
    try (InputStream in = InputSource.open(file, console.in())) {
      BoundedLines lines = new BoundedLines(in, JitJson.MAX_DOCUMENT_BYTES);
      BoundedLines.Line first = nextNonBlank(lines);
      if (first != null) {
        refuseOneDocument(first);
      }
      // Opened only once the input looks like a batch: a wrong file creates no database.
      try (Runtime runtime = parent.runtime(strategy, db, noStore ? null : SessionStore.Use.RECORD)) {
        JitGeneratorStrategy generator = runtime.registry().get(strategy.strategy);
        // Begun on a thread of its own when the command line was read (Cli), so that it overlaps
        // opening the input and the runtime; this waits for it if it is not done yet.
        JitInputReader reader = parent.reader();
        boolean store = runtime.stores();
        Lines output = new Lines(console.out());
        sink = output;
        Deque<Future<List<Result>>> window = new ArrayDeque<>();
        int chunk = linesPerTask();
        try (Recorder recorder = store ? new Batched(runtime, sink) : new Direct(sink)) {
          for (BoundedLines.Line line = first; line != null; line = nextNonBlank(lines)) {
            List<BoundedLines.Line> task = new ArrayList<>(Math.min(chunk, 16));
            task.add(line);
            fillTask(task, lines, chunk);
            window.add(workers.submit(() -> generate(reader, generator, runtime, store, output, task)));
            // A bounded window keeps memory flat on long batches while every worker stays busy.
            if (window.size() >= parallel * 2) {
              take(recorder, window.removeFirst());
            }
            if (!lines.lineBuffered()) {
              recorder.idle(); // the next line may be slow to come: show what is ready
            }
          }
          while (!window.isEmpty()) {
            take(recorder, window.removeFirst());
          }
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
      if (sink != null) {
        sink.flush();
      }
    }
    console.message("replayed " + (sink.generated + sink.rejected) + " inputs: " + sink.generated
        + " generated, " + sink.rejected + " rejected");
    return sink.rejected > 0 ? ExitCode.REJECTED : ExitCode.OK;
  }

  private static BoundedLines.Line nextNonBlank(BoundedLines lines) throws IOException {
    BoundedLines.Line line;
    do {
      line = lines.next();
    } while (line != null && line.blank());
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

  /**
   * How many lines one worker task takes. A line is one task when generating may wait (a model call
   * takes seconds, and {@code --parallel} says how many lines wait at once); the formula never
   * waits, so its lines go out in groups: handing each line to a worker thread and back cost more
   * than a tenth of a line's time in thread wake-ups.
   */
  private int linesPerTask() {
    return strategy.strategy == StrategySetting.FORMULA ? FORMULA_LINES_PER_TASK : 1;
  }

  /**
   * Worker threads: {@code --parallel}, but for the formula no more than the processors — it only
   * computes, and more threads than cores only take turns (the lines still go {@code --parallel}
   * tasks at a time).
   */
  private int threads() {
    if (strategy.strategy != StrategySetting.FORMULA) {
      return parallel;
    }
    return Math.max(1, Math.min(parallel, java.lang.Runtime.getRuntime().availableProcessors()));
  }

  /** Lines per task for the formula, at most; and the bytes of input one task may hold. */
  private static final int FORMULA_LINES_PER_TASK = 32;

  private static final long TASK_BYTES = 256 * 1024;

  /**
   * Adds to {@code task} the lines already buffered, up to {@code chunk} lines and {@link
   * #TASK_BYTES}: a task never waits for input, so a slow source still sees each line through.
   */
  private static void fillTask(List<BoundedLines.Line> task, BoundedLines lines, int chunk) throws IOException {
    long bytes = task.get(0).bytes().length;
    while (task.size() < chunk && bytes < TASK_BYTES && lines.lineBuffered()) {
      BoundedLines.Line next = lines.next();
      if (next == null) {
        return;
      }
      if (!next.blank()) {
        task.add(next);
        bytes += next.bytes().length;
      }
    }
  }

  private static List<Result> generate(
      JitInputReader reader,
      JitGeneratorStrategy generator,
      Runtime runtime,
      boolean store,
      Lines output,
      List<BoundedLines.Line> task) {
    List<Result> results = new ArrayList<>(task.size());
    for (BoundedLines.Line line : task) {
      results.add(generate(reader, generator, runtime, store, output, line));
    }
    return results;
  }

  private static Result generate(
      JitInputReader reader,
      JitGeneratorStrategy generator,
      Runtime runtime,
      boolean store,
      Lines output,
      BoundedLines.Line line) {
    try {
      if (line.oversized()) {
        throw DocumentRejectedException.oversized(JitInputReader.WHAT, line.length());
      }
      ParsedInput parsed = reader.read(line.bytes());
      Generation generation = generator.generation(parsed.input());
      if (!store) {
        return new Result.Generated(line.number(), null, output.encode(generation.output()));
      }
      // What the store keeps is prepared here too, in parallel, not on the thread that orders:
      // the output's JSON written once for printing and storing (as UTF-8 bytes when the console's
      // text is UTF-8 too).
      GenerationToStore storable = runtime.storable(parsed, generation);
      if (output.utf8()) {
        byte[] text = JitJson.writeUtf8(generation.output());
        return new Result.Generated(line.number(), PreparedGeneration.of(storable, text), text);
      }
      String json = JitJson.write(generation.output());
      return new Result.Generated(line.number(), PreparedGeneration.of(storable, json), output.encoded(json));
    } catch (DocumentRejectedException e) {
      return new Result.Rejected(output.encode(Rejections.errorObject(line.number(), e)));
    }
  }

  /** Passes on the results of the window's head, in order. */
  private static void take(Recorder recorder, Future<List<Result>> pending) throws InterruptedException {
    for (Result result : result(pending, recorder)) {
      recorder.take(result);
    }
  }

  /** The head of the window, once its worker is done; what is ready is shown before a long wait. */
  private static List<Result> result(Future<List<Result>> pending, Recorder recorder) throws InterruptedException {
    try {
      try {
        return pending.get(IDLE_AFTER_MS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException slow) {
        recorder.idle();
        return pending.get();
      }
    } catch (ExecutionException e) {
      // A generator never throws on valid input; if one does, the batch still fails loudly.
      throw new IllegalStateException("replay failed: " + e.getCause(), e.getCause());
    }
  }

  /** How long the ordering thread waits for a line before it shows what is ready (a model call). */
  private static final long IDLE_AFTER_MS = 20;

  /**
   * Standard output for the results, buffered: a batch's lines reach it in blocks, not one write
   * per line. Whoever writes flushes when it is about to wait ({@link Recorder#idle}) and at the
   * end, so a slow batch still shows each line as soon as it is ready. Counts what it printed.
   */
  private static final class Lines {
    private static final byte[] NONE = new byte[0];

    private final PrintStream out;
    private final Charset charset;
    private final byte[] lineSeparator;
    private final boolean utf8;
    private int generated;
    private int rejected;

    Lines(PrintStream console) {
      // A PrintStream, as the console is: a closed pipe (| head) is not an error.
      this.out = new PrintStream(new BufferedOutputStream(console, 1 << 16), false, Console.charsetOf(console));
      // The bytes println would have written through the console's own encoder.
      this.charset = Console.charsetOf(console);
      this.lineSeparator = System.lineSeparator().getBytes(charset);
      this.utf8 = charset.equals(StandardCharsets.UTF_8);
    }

    /** Whether a line goes out as UTF-8 (then its bytes are the store's too). */
    boolean utf8() {
      return utf8;
    }

    /** JSON text already written, in the console's encoding. */
    byte[] encoded(String json) {
      return json.getBytes(charset);
    }

    /** A line's text as it goes out; thread-safe, so that the workers do it. */
    byte[] encode(Object value) {
      if (utf8) {
        return JitJson.writeUtf8(value); // the usual console: encoded as it is written
      }
      String json = JitJson.write(value);
      return json == null ? NONE : json.getBytes(charset);
    }

    synchronized void print(byte[] text, boolean wasRejected) {
      out.write(text, 0, text.length);
      out.write(lineSeparator, 0, lineSeparator.length);
      if (wasRejected) {
        rejected++;
      } else {
        generated++;
      }
    }

    synchronized void flush() {
      out.flush();
    }
  }

  /** Takes the results in input order: prints them, after recording them when the batch stores. */
  private interface Recorder extends AutoCloseable {
    void take(Result result);

    /** The caller is about to wait: make what is already done visible. */
    void idle();

    @Override
    void close();
  }

  /** Nothing to record: each line is printed as it comes. */
  private record Direct(Lines lines) implements Recorder {
    @Override
    public void take(Result result) {
      if (result instanceof Result.Generated generated) {
        lines.print(generated.text(), false);
      } else if (result instanceof Result.Rejected rejected) {
        lines.print(rejected.text(), true);
      }
    }

    @Override
    public void idle() {
      lines.flush();
    }

    @Override
    public void close() {
      lines.flush();
    }
  }

  /**
   * Records through the store's {@link SessionBatch}: generations are committed in groups, in
   * input order, and each line is printed only once its generation is committed — by the batch's
   * writer thread, which flushes after every group. A process killed at any moment has printed
   * only lines whose sessions are stored whole.
   */
  private static final class Batched implements Recorder, BatchListener<Batched.Ticket> {
    private record Ticket(int line, byte[] text, boolean rejected) {}

    private final Lines lines;
    private final SessionBatch<Ticket> batch;
    private volatile Ticket failed;

    Batched(Runtime runtime, Lines lines) {
      this.lines = lines;
      this.batch = runtime.batch(this);
    }

    @Override
    public void take(Result result) {
      try {
        if (result instanceof Result.Generated generated) {
          batch.add(generated.storable(), new Ticket(generated.line(), generated.text(), false));
        } else if (result instanceof Result.Rejected rejected) {
          batch.pass(new Ticket(0, rejected.text(), true));
        }
      } catch (StoreException e) {
        throw notStored(e);
      }
    }

    @Override
    public void committed(List<Ticket> tickets) {
      for (Ticket ticket : tickets) {
        lines.print(ticket.text(), ticket.rejected());
      }
      lines.flush();
    }

    @Override
    public void failed(Ticket ticket, StoreException failure) {
      failed = ticket;
    }

    @Override
    public void idle() {
      // The writer thread prints and flushes as it commits; nothing waits here.
    }

    @Override
    public void close() {
      try {
        batch.close();
      } catch (StoreException e) {
        throw notStored(e);
      }
    }

    /** The store is down or refusing: the batch stops, saying where. */
    private CommandFailure notStored(StoreException e) {
      Ticket at = failed;
      String where = at == null ? "a line" : "line " + at.line();
      return CommandFailure.failed(where + " was generated but not stored: " + e.getMessage(), e);
    }
  }
}

package dev.parakeet.jit.bench;

import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.wire.JitInputReader;
import dev.parakeet.jit.wire.JitJson;
import dev.parakeet.jit.wire.ParsedInput;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A JSON request as the CLI, {@code replay} and an HTTP server make it, over the documents of the
 * benchmark input file (the app's JitInputs, ~2 KB each; see {@link Documents}): strict read and
 * validation ({@link JitInputReader}), the formula, {@link JitJson#write}. Single thread. Issue
 * 10's first target is {@link #request} at 40,000 per second per core; {@link JsonFloorBenchmark}
 * is what plain Jackson costs on the same documents.
 *
 * <ul>
 *   <li>{@link #request}: the whole request.
 *   <li>{@link #read}: reading and validating alone.
 *   <li>{@link #write}: writing alone (the outputs are generated in setup).
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class JsonRequestBenchmark {

  private final JitInputReader reader = new JitInputReader();
  private final JitGeneratorStrategy formula = Scenario.formula();

  @Benchmark
  public String request(Documents documents) {
    ParsedInput parsed = reader.read(documents.next());
    return JitJson.write(formula.generate(parsed.input()));
  }

  @Benchmark
  public ParsedInput read(Documents documents) {
    return reader.read(documents.next());
  }

  @Benchmark
  public String write(Documents.Outputs outputs) {
    return JitJson.write(outputs.next());
  }
}

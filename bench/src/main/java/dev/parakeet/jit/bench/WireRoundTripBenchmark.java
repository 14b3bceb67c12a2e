package dev.parakeet.jit.bench;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.wire.JitInputReader;
import dev.parakeet.jit.wire.JitJson;
import dev.parakeet.jit.wire.ParsedInput;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one formula session costs a caller that speaks JSON, as the CLI, {@code replay} and an HTTP
 * server do: read and validate the document (strict binding, Jakarta bounds, cross-field rules),
 * generate, write the output. The same mix as {@link FormulaGenerationBenchmark}, as JSON bytes.
 * It puts the formula's own cost in proportion; it is not the formula's throughput.
 *
 * <ul>
 *   <li>{@link #readGenerateWrite}: the whole request.
 *   <li>{@link #read}: reading and validating alone.
 *   <li>{@link #write}: writing a generated output alone (the outputs are made in setup).
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class WireRoundTripBenchmark {

  private final JitInputReader reader = new JitInputReader();
  private JitGeneratorStrategy formula;
  byte[][] documents;
  JitOutput[] outputs;
  private int cursor;

  @Setup(Level.Trial)
  public void setUp() {
    formula = Scenario.formula();
    JitInput[] inputs =
        FormulaGenerationBenchmark.mix(
            FormulaGenerationBenchmark.SEQUENCE_LENGTH, FormulaGenerationBenchmark.SEED);
    // Shared per distinct input, as in the other benchmarks of the mix.
    Map<JitInput, byte[]> json = new IdentityHashMap<>();
    Map<JitInput, JitOutput> generated = new IdentityHashMap<>();
    documents = new byte[inputs.length][];
    outputs = new JitOutput[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      documents[i] =
          json.computeIfAbsent(inputs[i], in -> JitJson.write(in).getBytes(StandardCharsets.UTF_8));
      outputs[i] = generated.computeIfAbsent(inputs[i], formula::generate);
    }
  }

  @Benchmark
  public String readGenerateWrite() {
    ParsedInput parsed = reader.read(documents[next()]);
    return JitJson.write(formula.generate(parsed.input()));
  }

  @Benchmark
  public ParsedInput read() {
    return reader.read(documents[next()]);
  }

  @Benchmark
  public String write() {
    return JitJson.write(outputs[next()]);
  }

  private int next() {
    return cursor++ & (FormulaGenerationBenchmark.SEQUENCE_LENGTH - 1);
  }
}

package dev.parakeet.jit.bench;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link Scenario} at a time, for finding which branch of the formula costs or allocates
 * most. Average time per generation in nanoseconds; run with {@code -prof gc} for bytes per
 * generation. A single repeated input lets the JIT compiler specialise more than live traffic
 * allows: read these figures relative to each other, and {@link FormulaGenerationBenchmark} for
 * throughput.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class FormulaScenarioBenchmark {

  @Param
  public Scenario scenario;

  private JitGeneratorStrategy generator;
  private JitInput input;

  @Setup(Level.Trial)
  public void setUp() {
    generator = Scenario.formula();
    input = scenario.input();
  }

  @Benchmark
  public JitOutput generate() {
    return generator.generate(input);
  }
}

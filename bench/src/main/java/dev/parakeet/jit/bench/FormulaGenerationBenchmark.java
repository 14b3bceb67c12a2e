package dev.parakeet.jit.bench;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import java.time.Clock;
import java.util.Random;
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
 * Throughput of the formula strategy on a fixed mix of inputs: every {@link Scenario}, built once
 * in setup and laid out in a seeded shuffled sequence of {@value #SEQUENCE_LENGTH} entries that each
 * invocation steps through, so that successive calls take different branches (as live traffic
 * would) and the branch predictor cannot learn a short cycle.
 *
 * <ul>
 *   <li>{@link #generate}: the formula strategy's {@code generate(JitInput)}, the whole public path:
 *       default resolution ({@link SessionContext#of}), the formula's draft with its rationale,
 *       auxiliary work, the hard-constraint layer and warm-ups.
 *   <li>{@link #resolveContext}: {@link SessionContext#of} alone, the share of {@link #generate}
 *       spent resolving defaults (merged config, base sets, landmarks, soreness, volume).
 * </ul>
 *
 * <p>Each JMH thread has its own cursor ({@link Scope#Thread}); the generator is stateless and
 * shared. The clock is fixed by default, so the figure is the engine's own cost;
 * {@code -p clock=system} adds a real {@code Clock.systemUTC().instant()} per generation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Long warm-up on purpose: on the 2-core project machines C2 needs ~15 s to finish compiling this
// path (see README.md); shorter warm-ups measure partly compiled code.
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class FormulaGenerationBenchmark {

  /** Power of two, so the cursor wraps with a mask. */
  static final int SEQUENCE_LENGTH = 1024;

  static final long SEED = 20261124L;

  /** The generator, shared by every thread. */
  @State(Scope.Benchmark)
  public static class Engine {
    @Param({"fixed"})
    public String clock;

    JitGeneratorStrategy generator;

    @Setup(Level.Trial)
    public void setUp() {
      Clock c =
          switch (clock) {
            case "fixed" -> Scenario.CLOCK;
            case "system" -> Clock.systemUTC();
            default -> throw new IllegalArgumentException("clock must be fixed or system: " + clock);
          };
      generator = StrategyRegistry.formulaOnly(c);
    }
  }

  /** The input sequence and this thread's position in it. */
  @State(Scope.Thread)
  public static class Inputs {
    JitInput[] sequence;
    int cursor;

    @Setup(Level.Trial)
    public void setUp() {
      sequence = mix(SEQUENCE_LENGTH, SEED);
      cursor = 0;
    }

    JitInput next() {
      return sequence[cursor++ & (SEQUENCE_LENGTH - 1)];
    }
  }

  /**
   * {@code length} references to the scenario inputs, each scenario equally often (up to one),
   * shuffled with {@code seed}. Inputs are built once per scenario and shared, as a server
   * would see many sessions of a few shapes.
   */
  static JitInput[] mix(int length, long seed) {
    Scenario[] scenarios = Scenario.values();
    JitInput[] built = new JitInput[scenarios.length];
    for (Scenario scenario : scenarios) {
      built[scenario.ordinal()] = scenario.input();
    }
    JitInput[] sequence = new JitInput[length];
    for (int i = 0; i < length; i++) {
      sequence[i] = built[i % built.length];
    }
    Random random = new Random(seed);
    for (int i = length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      JitInput swap = sequence[i];
      sequence[i] = sequence[j];
      sequence[j] = swap;
    }
    return sequence;
  }

  @Benchmark
  public JitOutput generate(Engine engine, Inputs inputs) {
    return engine.generator.generate(inputs.next());
  }

  @Benchmark
  public SessionContext resolveContext(Inputs inputs) {
    return SessionContext.of(inputs.next());
  }
}

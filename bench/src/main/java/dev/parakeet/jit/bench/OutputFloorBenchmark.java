package dev.parakeet.jit.bench;

import dev.parakeet.jit.engine.model.AppliedConstraint;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.WarmupSet;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
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
 * A calibration, not a measurement of the engine: what it costs on this machine to produce an
 * output of the formula's shape when <em>no decision is made</em>. It runs the same mix as {@link
 * FormulaGenerationBenchmark} and, for each input, only resolves the context ({@link
 * SessionContext#of}) and allocates the objects of the formula's output for that input: every
 * set, list and record, each text line as one concatenation of two parts and a number.
 *
 * <ul>
 *   <li>{@link #materialise}: a lower bound for any generator that returns the output with its
 *       text, as {@code generate} does.
 *   <li>{@link #materialiseSharingText}: the same with the text shared, not built: a lower bound
 *       for a generator that left the text to be rendered later, at serialisation.
 * </ul>
 *
 * <p>The shapes are taken from the formula's own outputs in setup, outside the measured code.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class OutputFloorBenchmark {

  private static final Instant AT = Scenario.CLOCK.instant();

  /** A text line cut in two, to be joined again around a number. */
  record Text(String head, String tail, String whole) {
    static Text of(String line) {
      int half = line.length() / 2;
      return new Text(line.substring(0, half), line.substring(half), line);
    }

    String build(int number) {
      return head + number + tail;
    }

    static Text[] all(List<String> lines) {
      return lines.stream().map(Text::of).toArray(Text[]::new);
    }
  }

  /** One output, taken apart in setup. */
  record Shape(JitOutput output, Text[] rationale, Text[] warnings, Text[] details, Text[] skipReasons) {
    static Shape of(JitOutput output) {
      return new Shape(
          output,
          Text.all(output.rationale()),
          Text.all(output.warnings()),
          Text.all(output.constraintsApplied().stream().map(AppliedConstraint::detail).toList()),
          output.auxiliaryWork().stream()
              .map(work -> work.skipReason() == null ? null : Text.of(work.skipReason()))
              .toArray(Text[]::new));
    }
  }

  JitInput[] inputs;
  Shape[] shapes;
  private int cursor;

  @Setup(Level.Trial)
  public void setUp() {
    JitGeneratorStrategy formula = Scenario.formula();
    inputs =
        FormulaGenerationBenchmark.mix(
            FormulaGenerationBenchmark.SEQUENCE_LENGTH, FormulaGenerationBenchmark.SEED);
    // One shape per distinct input, shared as the inputs are, so both benchmarks touch as much memory.
    Map<JitInput, Shape> byInput = new IdentityHashMap<>();
    shapes = new Shape[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      shapes[i] = byInput.computeIfAbsent(inputs[i], input -> Shape.of(formula.generate(input)));
    }
  }

  @Benchmark
  public JitOutput materialise() {
    return next(true);
  }

  @Benchmark
  public JitOutput materialiseSharingText() {
    return next(false);
  }

  private JitOutput next(boolean buildText) {
    int i = cursor++ & (FormulaGenerationBenchmark.SEQUENCE_LENGTH - 1);
    SessionContext context = SessionContext.of(inputs[i]);
    Shape shape = shapes[i];
    JitOutput o = shape.output();
    int n = context.base().count();

    List<WarmupSet> warmups = o.warmupSets();
    WarmupSet[] w = new WarmupSet[warmups.size()];
    for (int k = 0; k < w.length; k++) {
      WarmupSet set = warmups.get(k);
      w[k] = new WarmupSet(k + 1, set.weightKg() + n, set.reps());
    }
    AuxiliaryWork[] aux = new AuxiliaryWork[o.auxiliaryWork().size()];
    for (int k = 0; k < aux.length; k++) {
      AuxiliaryWork work = o.auxiliaryWork().get(k);
      Text reason = shape.skipReasons()[k];
      aux[k] =
          new AuxiliaryWork(
              work.exercise(), sets(work.sets(), n), work.skipped(), text(reason, n, buildText));
    }
    AppliedConstraint[] applied = new AppliedConstraint[o.constraintsApplied().size()];
    for (int k = 0; k < applied.length; k++) {
      applied[k] =
          new AppliedConstraint(o.constraintsApplied().get(k).rule(), text(shape.details()[k], n, buildText));
    }
    return new JitOutput(
        o.sessionId(), AT, sets(o.mainLiftSets(), n), List.of(w), List.of(aux), o.volumeModifier(),
        o.intensityModifier(), lines(shape.rationale(), n, buildText),
        lines(shape.warnings(), n, buildText), o.skippedMainLift(), o.jitStrategy(), List.of(applied),
        null, null, null);
  }

  private static List<PlannedSet> sets(List<PlannedSet> planned, int n) {
    PlannedSet[] sets = new PlannedSet[planned.size()];
    for (int k = 0; k < sets.length; k++) {
      PlannedSet set = planned.get(k);
      sets[k] = new PlannedSet(k + 1, set.weightKg() + n, set.reps(), set.rpeTarget(), set.repsRange());
    }
    return List.of(sets);
  }

  private static List<String> lines(Text[] texts, int n, boolean build) {
    String[] lines = new String[texts.length];
    for (int k = 0; k < lines.length; k++) {
      lines[k] = text(texts[k], n, build);
    }
    return List.of(lines);
  }

  private static String text(Text text, int n, boolean build) {
    return text == null ? null : build ? text.build(n) : text.whole();
  }
}

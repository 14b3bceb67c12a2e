package dev.parakeet.jit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parakeet.jit.engine.model.AppliedConstraint;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.Comparison;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.testing.FakeAdjustmentModel;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.testing.RandomInputs;
import dev.parakeet.jit.engine.testing.RecordingComparisonLog;
import dev.parakeet.jit.engine.testing.RecordingStrategyEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JitJson#write} writes a {@link JitOutput} with its own writer; the text must be, byte for
 * byte, what the wire format's Jackson mapper writes: on the outputs of every strategy for thousands
 * of random inputs, and on outputs carrying every kind of character and number.
 */
class OutputWriterTest {

  private static final int INPUTS = 3_000;

  private static String jackson(JitOutput output) {
    try {
      return JitJson.mapper().writeValueAsString(output);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static void sameAsJackson(JitOutput output) {
    String expected = jackson(output);
    String written = JitJson.write(output);
    assertThat(written).isEqualTo(expected);
    assertThat(written.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theWriterIsInUse() {
    assertThat(OutputWriter.matchesJackson()).isTrue();
  }

  @Test
  void everyStrategysOutputIsWrittenAsJacksonWritesIt() {
    RandomInputs random = new RandomInputs(20261126L);
    AppDocuments documents = new AppDocuments(42);
    JitInputReader reader = new JitInputReader();
    for (int i = 0; i < INPUTS; i++) {
      JitInput input = i % 2 == 0 ? random.next() : reader.read(documents.next()).input();
      JitOutput formula = Fixtures.formula().generate(input);
      sameAsJackson(formula);
      sameAsJackson(formula.asFallback("timeout: no answer within 5000 ms"));
      if (i % 10 == 0) {
        FakeAdjustmentModel model = FakeAdjustmentModel.answering(random.nextAdjustment(input));
        sameAsJackson(Fixtures.llm(model, Duration.ofSeconds(5), new RecordingStrategyEvents()).generate(input));
        sameAsJackson(
            Fixtures.hybrid(model, Duration.ofSeconds(5), RecordingComparisonLog.inMemory(), new RecordingStrategyEvents())
                .generate(input));
      }
    }
  }

  @Test
  void everyKindOfCharacterAndNumberIsWrittenAsJacksonWritesIt() {
    Random random = new Random(7);
    JitOutput base = Fixtures.formula().generate(Fixtures.f().build());
    for (int i = 0; i < 2_000; i++) {
      String text = text(random);
      List<PlannedSet> sets = new ArrayList<>();
      for (int s = 0; s < 1 + random.nextInt(4); s++) {
        sets.add(new PlannedSet(random.nextInt(200) - 100, number(random), random.nextInt(), number(random), null));
      }
      JitOutput output =
          new JitOutput(
              random.nextBoolean() ? text : null,
              random.nextBoolean() ? Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)) : null,
              sets,
              base.warmupSets(),
              List.of(AuxiliaryWork.prescribed(text, sets), AuxiliaryWork.skipped(text(random), text(random))),
              number(random),
              number(random),
              List.of(text, text(random)),
              List.of(text(random)),
              random.nextBoolean(),
              base.jitStrategy(),
              List.of(new AppliedConstraint(ConstraintRule.WEIGHT_FLOOR, text(random))),
              random.nextBoolean() ? text(random) : null,
              null,
              random.nextBoolean()
                  ? new Comparison(base, new Divergence(number(random), random.nextInt(7) - 3, text(random)), random.nextBoolean())
                  : null);
      sameAsJackson(output);
    }
  }

  /** Text with quotes, backslashes, every C0 control, DEL, C1 controls, non-Latin-1, pairs and lone surrogates. */
  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(40); i > 0; i--) {
      switch (random.nextInt(8)) {
        case 0 -> text.append((char) random.nextInt(0x20));
        case 1 -> text.append(random.nextBoolean() ? '"' : '\\');
        case 2 -> text.append((char) (0x7f + random.nextInt(0x21)));
        case 3 -> text.append("×—→ Zoë");
        case 4 -> text.append("\uD83E\uDD9C");
        case 5 -> text.append((char) (0xD800 + random.nextInt(0x800)));
        case 6 -> text.append('/');
        default -> text.append((char) ('a' + random.nextInt(26)));
      }
    }
    return text.toString();
  }

  /** Doubles on and off the quarter grid, tiny, huge, negative, negative zero, not finite. */
  private static double number(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> random.nextInt(4001) / 4.0;
      case 1 -> random.nextInt(20000) / 4.0;
      case 2 -> -random.nextInt(400) / 4.0;
      case 3 -> -0.0;
      case 4 -> random.nextDouble();
      case 5 -> random.nextDouble() * 1e-9;
      case 6 -> random.nextDouble() * 1e300;
      case 7 -> random.nextInt(3) == 0 ? Double.NaN : random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      case 8 -> Math.round(random.nextDouble() * 600 * 7) / 7.0;
      default -> 1000.25 + random.nextInt(100);
    };
  }
}

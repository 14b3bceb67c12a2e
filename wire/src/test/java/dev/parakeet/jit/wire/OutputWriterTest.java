package dev.parakeet.jit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import dev.parakeet.jit.engine.model.AppliedConstraint;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.Comparison;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.Divergence;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.RepsRange;
import dev.parakeet.jit.engine.model.WarmupSet;
import dev.parakeet.jit.engine.testing.FakeAdjustmentModel;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.testing.RandomInputs;
import dev.parakeet.jit.engine.testing.RecordingComparisonLog;
import dev.parakeet.jit.engine.testing.RecordingStrategyEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JitJson#write} writes a {@link JitOutput} with its own writer; the text must be, byte for
 * byte, what the wire format's Jackson mapper writes (and {@link JitJson#writeUtf8} that text's
 * UTF-8 encoding): on the outputs of every strategy for thousands of random inputs, and on outputs
 * carrying every kind of character and number.
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
    // The main sets alone, as the store keeps them.
    try {
      assertThat(JitJson.writePlannedSets(output.mainLiftSets()))
          .isEqualTo(JitJson.mapper().writeValueAsString(output.mainLiftSets()));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
    // Encoded as it is written, for a batch's lines: the bytes the string encodes to, lone surrogates included.
    assertThat(JitJson.writeUtf8(output)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The writer is used without a check at run time (the records and the mapper are fixed when the
   * jar is built): this is the check, with Jackson's own serializers, for every output record.
   */
  @Test
  void theWriterAgreesWithJacksonsSerializersAndOnASampleOfEveryOptionalPart() {
    assertThat(matches(JitJson.mapper())).isTrue();
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

  /** Instants as {@code ISO_INSTANT} writes them: each length of fraction, the ends of the range written by hand, and past them. */
  @Test
  void instantsAreWrittenAsJacksonWritesThem() {
    JitOutput base = Fixtures.formula().generate(Fixtures.f().build());
    List<Instant> instants =
        List.of(
            Instant.EPOCH, Instant.ofEpochSecond(0, 1), Instant.ofEpochSecond(-1), Instant.ofEpochSecond(-1, 999_999_999),
            Instant.parse("2026-11-27T04:00:00Z"), Instant.parse("2026-11-27T04:00:00.100Z"),
            Instant.parse("2026-11-27T04:59:59.120Z"), Instant.parse("2026-11-27T23:59:59.123400Z"),
            Instant.parse("2028-02-29T12:34:56.000000001Z"), Instant.parse("2026-01-01T00:00:00.000001Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("0001-01-01T00:00:00.5Z"), Instant.MIN, Instant.MAX);
    for (Instant at : instants) {
      sameAsJackson(
          new JitOutput(base.sessionId(), at, base.mainLiftSets(), base.warmupSets(), base.auxiliaryWork(),
              base.volumeModifier(), base.intensityModifier(), base.rationale(), base.warnings(), base.skippedMainLift(),
              base.jitStrategy(), base.constraintsApplied(), null, null, null));
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

  /**
   * Whether this writer and the mapper agree: the same fields in the same order for every output
   * record (as Jackson's own serializers list them), ISO instants, and the same text for a sample
   * that uses every optional part.
   */
  private static boolean matches(ObjectMapper mapper) {
    try {
      if (mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          || mapper.isEnabled(SerializationFeature.INDENT_OUTPUT)) {
        return false;
      }
      Map<Class<?>, List<String>> fields =
          Map.of(
              JitOutput.class,
              List.of("sessionId", "generatedAt", "mainLiftSets", "warmupSets", "auxiliaryWork",
                  "volumeModifier", "intensityModifier", "rationale", "warnings", "skippedMainLift",
                  "jit_strategy", "constraintsApplied", "fallbackReason", "confidence", "comparison"),
              PlannedSet.class, List.of("set_number", "weight_kg", "reps", "rpe_target", "reps_range"),
              WarmupSet.class, List.of("setNumber", "weightKg", "displayWeight", "reps", "isWarmup"),
              AuxiliaryWork.class, List.of("exercise", "sets", "skipped", "skipReason"),
              AppliedConstraint.class, List.of("rule", "detail"),
              Comparison.class, List.of("formulaOutput", "divergence", "shouldSurfaceToUser"),
              Divergence.class, List.of("weightPct", "setDelta", "summary"),
              RepsRange.class, List.of("min", "max"));
      for (Map.Entry<Class<?>, List<String>> type : fields.entrySet()) {
        if (!type.getValue().equals(jacksonFields(mapper, type.getKey()))) {
          return false;
        }
      }
      for (JitOutput sample : samples()) {
        if (!OutputWriter.write(sample).equals(mapper.writeValueAsString(sample))) {
          return false;
        }
      }
      return true;
    } catch (Exception | LinkageError e) {
      return false;
    }
  }

  private static List<String> jacksonFields(ObjectMapper mapper, Class<?> type) throws Exception {
    JsonSerializer<Object> serializer = mapper.getSerializerProviderInstance().findValueSerializer(type);
    if (!(serializer instanceof BeanSerializerBase bean)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (Iterator<PropertyWriter> properties = bean.properties(); properties.hasNext(); ) {
      names.add(properties.next().getName());
    }
    return names;
  }

  /** Outputs that use every optional part and every kind of character and number the writer treats apart. */
  private static List<JitOutput> samples() {
    Instant at = Instant.parse("2026-11-24T07:30:00.123456789Z");
    String text = "Quads 4/5 — \"sore\" \\ ×2 → 95 %\u0000\u001b\u007f\t\n\r\b\f \uD83E\uDD9C";
    JitOutput full =
        new JitOutput(
            "s-" + text, at,
            List.of(new PlannedSet(1, 112.5, 5, 8.5, null), new PlannedSet(2, 0.7 * 3, 8, 8.0, new RepsRange(8, 12))),
            List.of(new WarmupSet(1, 20.0, 5), new WarmupSet(2, 67.5, 3)),
            List.of(
                AuxiliaryWork.prescribed("Box Squat", List.of(new PlannedSet(1, -0.0, 10, 7.0, null))),
                AuxiliaryWork.skipped(text, "MRV reached"),
                new AuxiliaryWork(null, List.of(), false, null)),
            2.0 / 3, 1e-7, List.of(text, "plain"), List.of(), true, JitStrategy.LLM,
            List.of(new AppliedConstraint(ConstraintRule.ROUNDING, text), new AppliedConstraint(null, null)),
            null, dev.parakeet.jit.engine.model.Confidence.MEDIUM, null);
    JitOutput bare =
        new JitOutput(null, null, List.of(), List.of(), List.of(), Double.NaN, 1e300, List.of(), List.of(), false,
            null, List.of(), null, null, null);
    return List.of(
        full,
        bare,
        full.asFallback("timeout: " + text),
        full.asHybrid(new Comparison(full.asFallback("x"), new Divergence(-0.125, -1, null), true)),
        full.asHybrid(new Comparison(null, null, false)));
  }
}

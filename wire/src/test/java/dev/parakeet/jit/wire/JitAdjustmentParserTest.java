package dev.parakeet.jit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.Confidence;
import dev.parakeet.jit.engine.port.AuxAction;
import dev.parakeet.jit.engine.port.AuxOverride;
import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.validation.Violation;
import dev.parakeet.jit.wire.DocumentRejectedException.Stage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The strict parser of a model's answer (SPEC §5.1). */
class JitAdjustmentParserTest {

  private static final JitAdjustmentParser PARSER = new JitAdjustmentParser();

  private static String answer(String intensity, String sets, String skip, String aux, String rationale, String confidence) {
    return "{\"intensityModifier\":" + intensity + ",\"setModifier\":" + sets + ",\"skipMainLift\":" + skip
        + ",\"auxOverrides\":" + aux + ",\"rationale\":" + rationale + ",\"confidence\":" + confidence + "}";
  }

  private static String valid() {
    return answer("0.88", "-1", "false", "[{\"exercise\":\"Box Squat\",\"action\":\"reduce\"}]", "[\"Quads sore\"]", "\"medium\"");
  }

  @Test
  void parsesAValidAnswer() {
    JitAdjustment adjustment = PARSER.parse(valid());
    assertThat(adjustment)
        .isEqualTo(
            new JitAdjustment(0.88, -1, false, List.of(new AuxOverride("Box Squat", AuxAction.REDUCE)), List.of("Quads sore"), Confidence.MEDIUM));
  }

  @Test
  void acceptsTheBoundsThemselves() {
    assertThat(PARSER.parse(answer("0.40", "-3", "false", "[]", "[\"a\",\"b\",\"c\",\"d\",\"e\"]", "\"low\"")).intensityModifier()).isEqualTo(0.40);
    assertThat(PARSER.parse(answer("1.2", "2", "true", "[]", "[\"" + "x".repeat(200) + "\"]", "\"high\"")).setModifier()).isEqualTo(2);
  }

  @Test
  void rationaleLinesAreMeasuredInCodePoints() {
    String parrots = "\uD83E\uDD9C".repeat(200); // 200 characters, 400 UTF-16 units
    assertThat(PARSER.parse(answer("1", "0", "false", "[]", "[\"" + parrots + "\"]", "\"high\"")).rationale())
        .containsExactly(parrots);
  }

  static Stream<Arguments> badAnswers() {
    String six = "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]";
    return Stream.of(
        Arguments.of("intensity 0.10", answer("0.10", "0", "false", "[]", "[\"x\"]", "\"high\""), Stage.BOUNDS, "intensityModifier: must be at least 0.40, was 0.1"),
        Arguments.of("intensity 1.5", answer("1.5", "0", "false", "[]", "[\"x\"]", "\"high\""), Stage.BOUNDS, "intensityModifier: must be at most 1.20, was 1.5"),
        Arguments.of("set modifier −4", answer("1", "-4", "false", "[]", "[\"x\"]", "\"high\""), Stage.BOUNDS, "setModifier: must be at least -3, was -4"),
        Arguments.of("set modifier as a fraction", answer("1", "0.5", "false", "[]", "[\"x\"]", "\"high\""), Stage.STRUCTURE, "setModifier: must be an integer, was 0.5"),
        Arguments.of("intensity as a string", answer("\"0.9\"", "0", "false", "[]", "[\"x\"]", "\"high\""), Stage.STRUCTURE, "intensityModifier: must be a number, was \"0.9\""),
        Arguments.of("skip as a string", answer("1", "0", "\"no\"", "[]", "[\"x\"]", "\"high\""), Stage.STRUCTURE, "skipMainLift: must be true or false, was \"no\""),
        Arguments.of("unknown confidence", answer("1", "0", "false", "[]", "[\"x\"]", "\"certain\""), Stage.STRUCTURE, "confidence: must be one of high, medium, low, was \"certain\""),
        Arguments.of("unknown aux action", answer("1", "0", "false", "[{\"exercise\":\"Box Squat\",\"action\":\"double\"}]", "[\"x\"]", "\"high\""), Stage.STRUCTURE, "auxOverrides[0].action: must be one of skip, reduce, normal, was \"double\""),
        Arguments.of("extra field", valid().substring(0, valid().length() - 1) + ",\"mood\":\"great\"}", Stage.STRUCTURE, "mood: is not a known field"),
        Arguments.of("extra field in an override", answer("1", "0", "false", "[{\"exercise\":\"Box Squat\",\"action\":\"skip\",\"why\":\"x\"}]", "[\"x\"]", "\"high\""), Stage.STRUCTURE, "auxOverrides[0].why: is not a known field"),
        Arguments.of("six rationale lines", answer("1", "0", "false", "[]", six, "\"high\""), Stage.BOUNDS, "rationale: must have at most 5 items, had 6"),
        Arguments.of("no rationale", answer("1", "0", "false", "[]", "[]", "\"high\""), Stage.BOUNDS, "rationale: must have at least 1 items, had 0"),
        Arguments.of("a 201-character line", answer("1", "0", "false", "[]", "[\"" + "y".repeat(201) + "\"]", "\"high\""), Stage.BOUNDS, "rationale[0]: must have at most 200 characters, had 201"),
        Arguments.of("a 201-emoji line", answer("1", "0", "false", "[]", "[\"" + "\uD83E\uDD9C".repeat(201) + "\"]", "\"high\""), Stage.BOUNDS, "rationale[0]: must have at most 200 characters, had 201"),
        Arguments.of("a lone surrogate in a line", answer("1", "0", "false", "[]", "[\"sore \\ud800\"]", "\"high\""), Stage.STRUCTURE, "rationale[0]: is not valid Unicode: a lone surrogate \\ud800 at character 6"),
        Arguments.of("missing field", "{\"intensityModifier\":1,\"setModifier\":0,\"skipMainLift\":false,\"auxOverrides\":[],\"rationale\":[\"x\"]}", Stage.BOUNDS, "confidence: is required"),
        Arguments.of("prose", "I would reduce the load by about 10% today.", Stage.SYNTAX, "$: malformed JSON"),
        Arguments.of("truncated", valid().substring(0, 40), Stage.SYNTAX, "$: malformed JSON"),
        Arguments.of("a list", "[1]", Stage.STRUCTURE, "$: must be a JSON object, was an array"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAnswers")
  void rejectsWithThePathNamed(String kind, String json, Stage stage, String expected) {
    try {
      PARSER.parse(json);
    } catch (DocumentRejectedException e) {
      assertThat(e.stage()).isEqualTo(stage);
      assertThat(e.violations()).extracting(Violation::toString).anySatisfy(v -> assertThat(v).startsWith(expected));
      return;
    }
    throw new AssertionError("accepted: " + json);
  }
}

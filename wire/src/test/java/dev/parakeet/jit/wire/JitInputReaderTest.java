package dev.parakeet.jit.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.model.DisruptionStatus;
import dev.parakeet.jit.engine.model.DisruptionType;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.WarmupPreset;
import dev.parakeet.jit.engine.model.WarmupProtocol;
import dev.parakeet.jit.engine.validation.Violation;
import dev.parakeet.jit.engine.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JitInputReaderTest {

  private static final JitInputReader READER = new JitInputReader();

  /** Fixture F as JSON, edited by {@code edit}. */
  private static String f(Consumer<ObjectNode> edit) {
    ObjectNode node = JitJson.mapper().createObjectNode();
    node.put("sessionId", "sess-001");
    node.put("weekNumber", 1);
    node.put("blockNumber", 1);
    node.put("primaryLift", "squat");
    node.put("intensityType", "heavy");
    node.put("oneRmKg", 140);
    node.putArray("activeAuxiliaries").add("Pause Squat").add("Box Squat");
    edit.accept(node);
    return node.toString();
  }

  private static List<String> rejections(String json) {
    try {
      READER.read(json);
    } catch (DocumentRejectedException e) {
      return e.violations().stream().map(Violation::toString).toList();
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void readsTheAppsJitInput() {
    String json =
        """
        {
          "sessionId": "s-42", "weekNumber": 3, "blockNumber": 2, "primaryLift": "bench",
          "intensityType": "rep", "oneRmKg": 102.5,
          "formulaConfig": {"block2": {"rep": {"pct": 0.75}}, "rounding_increment_kg": 1.25},
          "sorenessRatings": {"chest": 3, "triceps": 2},
          "auxiliarySorenessRatings": {"chest": 4},
          "weeklyVolumeToDate": {"chest": 7.5},
          "mrvMevConfig": {"chest": {"mev": 9, "mrv": 21}},
          "activeAuxiliaries": ["Close-Grip Bench", "Barbell Row"],
          "recentLogs": [{"actual_rpe": 9, "target_rpe": 8, "session_id": "x"}, {"actual_rpe": null, "target_rpe": 8}],
          "activeDisruptions": [{"disruption_type": "fatigue", "severity": "minor", "affected_lifts": null,
             "description": null, "status": "monitoring", "id": "d1", "user_id": "u1"}],
          "warmupConfig": {"type": "custom", "steps": [{"pct": 0, "reps": 10}, {"pct": 0.6, "reps": 3}]},
          "biologicalSex": "female", "daysSinceLastSession": 2, "menstrualPhase": "luteal",
          "sleepHours": 7.5, "sleepQuality": 4, "hrvScore": 61, "bodyWeightKg": 63.2, "userAge": 29
        }
        """;
    JitInput input = READER.read(json).input();
    assertThat(input.primaryLift()).isEqualTo(Lift.BENCH);
    assertThat(input.intensityType()).isEqualTo(IntensityType.REP);
    assertThat(input.formulaConfig().block2().rep().pct()).isEqualTo(0.75);
    assertThat(input.formulaConfig().roundingIncrementKg()).isEqualTo(1.25);
    assertThat(input.sorenessRatings()).containsEntry(Muscle.CHEST, 3).containsEntry(Muscle.TRICEPS, 2);
    assertThat(input.mrvMevConfig().get(Muscle.CHEST).mrv()).isEqualTo(21);
    assertThat(input.recentLogs().get(1).actualRpe()).isNull();
    assertThat(input.activeDisruptions().get(0).disruptionType()).isEqualTo(DisruptionType.FATIGUE);
    assertThat(input.activeDisruptions().get(0).effectiveStatus()).isEqualTo(DisruptionStatus.MONITORING);
    assertThat(input.warmupConfig()).isInstanceOf(WarmupProtocol.Custom.class);
    assertThat(input.extras()).isEmpty();
  }

  @Test
  void keepsUnknownTopLevelFieldsAndReportsThem() {
    ParsedInput parsed =
        READER.read(f(n -> {
          n.put("stressLevel", 4);
          n.putObject("wearable").put("restingHr", 52);
        }));
    assertThat(parsed.unrecognisedFields()).containsExactly("stressLevel", "wearable");
    assertThat(parsed.input().extras()).containsEntry("stressLevel", 4).containsEntry("wearable", Map.of("restingHr", 52));
    assertThat(JitJson.write(parsed.input())).contains("\"stressLevel\":4").contains("\"wearable\":{\"restingHr\":52}");
    assertThat(parsed.snapshotJson()).contains("\"stressLevel\":4");
  }

  @Test
  void snapshotIsTheDocumentAsReceived() throws Exception {
    String json = f(n -> n.putArray("activeDisruptions").addObject()
        .put("disruption_type", "injury").put("severity", "minor").put("user_id", "u-7"));
    ParsedInput parsed = READER.read(json);
    assertThat(JitJson.mapper().readTree(parsed.snapshotJson())).isEqualTo(JitJson.mapper().readTree(json));
  }

  @Test
  void readsFromAStream() throws IOException {
    byte[] bytes = f(n -> {}).getBytes(StandardCharsets.UTF_8);
    assertThat(READER.read(new ByteArrayInputStream(bytes)).input().sessionId()).isEqualTo("sess-001");
  }

  @Test
  void defaultsAreLeftAbsentRatherThanInvented() {
    JitInput input = READER.read(f(n -> {})).input();
    assertThat(input.formulaConfig()).isNull();
    assertThat(input.warmupConfig()).isNull();
    assertThat(input.sorenessRatings()).isNull();
  }

  @Test
  void validatesInputsBuiltInJava() {
    assertThat(READER.validate(Fixtures.f().build()).input().sessionId()).isEqualTo("sess-001");
    assertThatThrownBy(() -> READER.validate(Fixtures.f().soreness(Muscle.QUADS, 9).build()))
        .isInstanceOf(DocumentRejectedException.class)
        .hasMessageContaining("sorenessRatings.quads: must be at most 5, was 9");
  }

  @Test
  void presetWarmupsByName() {
    JitInput input = READER.read(f(n -> n.putObject("warmupConfig").put("type", "preset").put("name", "empty_bar"))).input();
    assertThat(input.warmupConfig()).isEqualTo(new WarmupProtocol.Preset(WarmupPreset.EMPTY_BAR));
  }

  /** Fixture F padded with blanks inside the object to exactly 1 MiB. */
  private static String oneMib() {
    String json = f(n -> {});
    return json.substring(0, json.length() - 1) + " ".repeat(JitJson.MAX_DOCUMENT_BYTES - json.length()) + "}";
  }

  @ParameterizedTest
  @MethodSource("lineEnds")
  void aOneMibDocumentMayEndWithALineTerminatorFromAStreamOrBytes(String end) throws IOException {
    byte[] bytes = (oneMib() + end).getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).isGreaterThan(JitJson.MAX_DOCUMENT_BYTES);
    assertThat(READER.read(new ByteArrayInputStream(bytes)).input().sessionId()).isEqualTo("sess-001");
    assertThat(READER.read(bytes).input().sessionId()).isEqualTo("sess-001");
  }

  static Stream<String> lineEnds() {
    return Stream.of("\n", "\r\n", "\n\n", " \t\r\n");
  }

  @Test
  void anythingButBlanksPastTheLimitIsAnOversizedDocument() {
    for (String tail : List.of(" x", "\n{}", "}")) {
      byte[] bytes = (oneMib() + tail).getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> READER.read(new ByteArrayInputStream(bytes)))
          .isInstanceOf(DocumentRejectedException.class)
          .hasMessageContaining("the limit is 1 MiB");
      assertThatThrownBy(() -> READER.read(bytes)).isInstanceOf(DocumentRejectedException.class);
    }
    byte[] blanksForever = (oneMib() + " ".repeat(1 << 17)).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> READER.read(new ByteArrayInputStream(blanksForever)))
        .as("trailing blanks are bounded too").isInstanceOf(DocumentRejectedException.class);
  }

  static Stream<Arguments> badInputs() {
    String big = "{\"sessionId\":\"" + "x".repeat(JitJson.MAX_DOCUMENT_BYTES) + "\"}";
    return Stream.of(
        Arguments.of("malformed JSON", "{\"sessionId\": \"s\",", "$: malformed JSON at line 1"),
        Arguments.of("trailing garbage", f(n -> {}) + " }", "$: malformed JSON"),
        Arguments.of("empty document", "   ", "$: document is empty"),
        Arguments.of("not an object", "[1, 2]", "$: must be a JSON object, was an array"),
        Arguments.of("string for an integer", f(n -> n.put("weekNumber", "1")), "weekNumber: must be an integer, was \"1\""),
        Arguments.of("fraction for an integer", f(n -> n.put("blockNumber", 1.5)), "blockNumber: must be an integer, was 1.5"),
        Arguments.of("boolean for an integer", f(n -> n.put("weekNumber", true)), "weekNumber: must be an integer, was true"),
        Arguments.of("number for a string", f(n -> n.put("sessionId", 42)), "sessionId: must be a string, was 42"),
        Arguments.of("unknown enum value", f(n -> n.put("primaryLift", "sqaut")), "primaryLift: must be one of squat, bench, deadlift, was \"sqaut\""),
        Arguments.of("number for an enum", f(n -> n.put("primaryLift", 0)), "primaryLift: must be one of squat, bench, deadlift, was 0"),
        Arguments.of("number for an enum in a list", f(n -> n.putArray("activeDisruptions").addObject().put("disruption_type", "injury").put("severity", "minor").putArray("affected_lifts").add(1)), "activeDisruptions[0].affected_lifts[0]: must be one of squat, bench, deadlift, was 1"),
        Arguments.of("index for a muscle key", f(n -> n.putObject("sorenessRatings").put("0", 2)), "sorenessRatings.0: is not a known key; expected one of quads, hamstrings"),
        Arguments.of("enum in the wrong case", f(n -> n.put("intensityType", "Heavy")), "intensityType: must be one of heavy, explosive, rep, deload, was \"Heavy\""),
        Arguments.of("unknown muscle key", f(n -> n.putObject("sorenessRatings").put("quadz", 2)), "sorenessRatings.quadz: is not a known key; expected one of quads, hamstrings"),
        Arguments.of("soreness out of range", f(n -> n.putObject("sorenessRatings").put("quads", 7)), "sorenessRatings.quads: must be at most 5, was 7"),
        Arguments.of("soreness of zero", f(n -> n.putObject("sorenessRatings").put("glutes", 0)), "sorenessRatings.glutes: must be at least 1, was 0"),
        Arguments.of("1RM below the bar", f(n -> n.put("oneRmKg", 0)), "oneRmKg: must be at least 20, was 0"),
        Arguments.of("1RM above 600", f(n -> n.put("oneRmKg", 600.5)), "oneRmKg: must be at most 600, was 600.5"),
        Arguments.of("block 4", f(n -> n.put("blockNumber", 4)), "blockNumber: must be at most 3, was 4"),
        Arguments.of("missing required field", f(n -> n.remove("sessionId")), "sessionId: is required"),
        Arguments.of("blank session id", f(n -> n.put("sessionId", "  ")), "sessionId: must not be blank"),
        Arguments.of("null required field", f(n -> n.putNull("primaryLift")), "primaryLift: is required"),
        Arguments.of("NaN", "{\"sessionId\":\"s\",\"oneRmKg\":NaN}", "$: malformed JSON at line 1, column 31: numbers must be finite"),
        Arguments.of("number beyond a double", f(n -> n.put("oneRmKg", new java.math.BigDecimal("1e400"))), "oneRmKg: must be a finite number"),
        Arguments.of("integer overflow", f(n -> n.put("weekNumber", 99_999_999_999L)), "weekNumber: is out of range for an integer, was 99999999999"),
        Arguments.of("oversized document", big, "$: document is 1048592 bytes; the limit is 1 MiB"),
        Arguments.of("duplicate key", "{\"sessionId\":\"a\",\"sessionId\":\"b\"}", "$: malformed JSON at line 1"),
        Arguments.of("nesting too deep", "{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}", "$: malformed JSON"),
        Arguments.of("null disruption", f(n -> n.putArray("activeDisruptions").addNull()), "activeDisruptions[0]: is required"),
        Arguments.of("bad disruption severity", f(n -> n.putArray("activeDisruptions").addObject().put("disruption_type", "injury").put("severity", "severe")), "activeDisruptions[0].severity: must be one of minor, moderate, major, was \"severe\""),
        Arguments.of("disruption without type", f(n -> n.putArray("activeDisruptions").addObject().put("severity", "minor")), "activeDisruptions[0].disruption_type: is required"),
        Arguments.of("unknown lift in a disruption", f(n -> n.putArray("activeDisruptions").addObject().put("disruption_type", "injury").put("severity", "minor").putArray("affected_lifts").add("press")), "activeDisruptions[0].affected_lifts[0]: must be one of squat, bench, deadlift, was \"press\""),
        Arguments.of("six auxiliaries", f(n -> n.putArray("activeAuxiliaries").add("a").add("b").add("c").add("d").add("e").add("f")), "activeAuxiliaries: must have at most 5 items, had 6"),
        Arguments.of("blank auxiliary", f(n -> n.putArray("activeAuxiliaries").add("")), "activeAuxiliaries[0]: must not be blank"),
        Arguments.of("log without target", f(n -> n.putArray("recentLogs").addObject().put("actual_rpe", 8)), "recentLogs[0].target_rpe: is required"),
        Arguments.of("unknown warm-up type", f(n -> n.putObject("warmupConfig").put("type", "ramp")), "warmupConfig: has an unknown type \"ramp\"; expected one of preset, custom"),
        Arguments.of("warm-up without type", f(n -> n.putObject("warmupConfig").put("name", "standard")), "warmupConfig: needs a \"type\": one of preset, custom"),
        Arguments.of("unknown warm-up preset", f(n -> n.putObject("warmupConfig").put("type", "preset").put("name", "long")), "warmupConfig.name: must be one of standard, minimal, extended, empty_bar, was \"long\""),
        Arguments.of("warm-up step above 100 %", f(n -> n.putObject("warmupConfig").put("type", "custom").putArray("steps").addObject().put("pct", 1.5).put("reps", 3)), "warmupConfig.steps[0].pct: must be at most 1, was 1.5"),
        Arguments.of("eleven warm-up steps", f(n -> {
          var steps = n.putObject("warmupConfig").put("type", "custom").putArray("steps");
          for (int i = 0; i < 11; i++) steps.addObject().put("pct", 0.5).put("reps", 1);
        }), "warmupConfig.steps: must have at most 10 items, had 11"),
        Arguments.of("typo inside formulaConfig", f(n -> n.putObject("formulaConfig").putObject("block1").putObject("heavy").put("pcts", 0.8)), "formulaConfig.block1.heavy.pcts: is not a known field"),
        Arguments.of("override pct too high", f(n -> n.putObject("formulaConfig").putObject("block1").putObject("heavy").put("pct", 1.2)), "formulaConfig.block1.heavy.pct: must be at most 1.05, was 1.2"),
        Arguments.of("deload pct too high", f(n -> n.putObject("formulaConfig").putObject("deload").put("pct", 0.7)), "formulaConfig.deload.pct: must be at most 0.60, was 0.7"),
        Arguments.of("rpe not in half steps", f(n -> n.putObject("formulaConfig").putObject("block2").putObject("heavy").put("rpe_target", 8.3)), "formulaConfig.block2.heavy.rpe_target: must be in steps of 0.5, was 8.3"),
        Arguments.of("sets_min above the default sets_max", f(n -> n.putObject("formulaConfig").putObject("block1").putObject("rep").put("sets_min", 4)), "formulaConfig.block1.rep.sets_min: must not exceed sets_max (3), was 4"),
        Arguments.of("reps above reps_max", f(n -> n.putObject("formulaConfig").putObject("block3").putObject("heavy").put("reps", 3)), "formulaConfig.block3.heavy.reps: must not exceed reps_max (2), was 3"),
        Arguments.of("rounding increment too small", f(n -> n.putObject("formulaConfig").put("rounding_increment_kg", 0.25)), "formulaConfig.rounding_increment_kg: must be at least 0.5, was 0.25"),
        Arguments.of("rounding increment that does not divide the bar", f(n -> n.putObject("formulaConfig").put("rounding_increment_kg", 3)), "formulaConfig.rounding_increment_kg: must be one of 0.5, 1, 1.25, 2, 2.5, 4, 5, 10 (a divisor of the 20 kg bar), was 3"),
        Arguments.of("mrv not above mev", f(n -> n.putObject("mrvMevConfig").putObject("quads").put("mev", 10).put("mrv", 10)), "mrvMevConfig.quads.mrv: must be greater than mev (10), was 10"),
        Arguments.of("mrv above 40", f(n -> n.putObject("mrvMevConfig").putObject("quads").put("mev", 10).put("mrv", 41)), "mrvMevConfig.quads.mrv: must be at most 40, was 41"),
        Arguments.of("landmark without mrv", f(n -> n.putObject("mrvMevConfig").putObject("chest").put("mev", 8)), "mrvMevConfig.chest.mrv: is required"),
        Arguments.of("negative weekly volume", f(n -> n.putObject("weeklyVolumeToDate").put("chest", -1)), "weeklyVolumeToDate.chest: must be at least 0, was -1"),
        Arguments.of("negative days since last session", f(n -> n.put("daysSinceLastSession", -2)), "daysSinceLastSession: must be at least 0, was -2"),
        Arguments.of("sleep quality 6", f(n -> n.put("sleepQuality", 6)), "sleepQuality: must be at most 5, was 6"),
        Arguments.of("unknown sex", f(n -> n.put("biologicalSex", "other")), "biologicalSex: must be one of female, male, was \"other\""),
        Arguments.of("object for an array", f(n -> n.putObject("activeAuxiliaries")), "activeAuxiliaries: must be an array, was an object"),
        Arguments.of("array for an object", f(n -> n.putArray("sorenessRatings")), "sorenessRatings: must be an object, was an array"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void rejectsBadInputNamingThePath(String kind, String json, String expected) {
    assertThat(rejections(json)).anySatisfy(v -> assertThat(v).startsWith(expected));
  }

  @Test
  void reportsEveryViolationAtOnce() {
    String json =
        f(n -> {
          n.put("weekNumber", "three");
          n.put("primaryLift", "press");
          n.put("oneRmKg", -5);
          n.putObject("sorenessRatings").put("quads", 9).put("elbows", 2);
          n.putArray("activeDisruptions").addObject().put("disruption_type", "flu").put("severity", "major");
          n.remove("sessionId");
        });
    assertThat(rejections(json))
        .containsExactly(
            "activeDisruptions[0].disruption_type: must be one of injury, illness, travel, fatigue, equipment_unavailable, unprogrammed_event, other, was \"flu\"",
            "oneRmKg: must be at least 20, was -5",
            "primaryLift: must be one of squat, bench, deadlift, was \"press\"",
            "sessionId: is required",
            "sorenessRatings.elbows: is not a known key; expected one of quads, hamstrings, glutes, lower_back, upper_back, chest, triceps, shoulders, biceps",
            "sorenessRatings.quads: must be at most 5, was 9",
            "weekNumber: must be an integer, was \"three\"");
  }

  @Test
  void aRejectionSaysWhichStageFailed() {
    assertThatThrownBy(() -> READER.read("{"))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.stage()).isEqualTo(DocumentRejectedException.Stage.SYNTAX));
    assertThatThrownBy(() -> READER.read(f(n -> n.put("primaryLift", "x"))))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.stage()).isEqualTo(DocumentRejectedException.Stage.STRUCTURE));
    assertThatThrownBy(() -> READER.read(f(n -> n.put("oneRmKg", 900))))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.stage()).isEqualTo(DocumentRejectedException.Stage.BOUNDS));
  }

  @Test
  void acceptsTheFullConfigShapeAndDisruptionExtras() {
    String json =
        f(n -> {
          n.putObject("formulaConfig").putObject("training_max_increase").put("bench_min", 2.5).put("bench_max", 5);
          n.putArray("activeDisruptions").addObject()
              .put("disruption_type", "illness").put("severity", "moderate")
              .put("affected_date_start", "2026-11-20").put("reported_at", "2026-11-20T08:00:00Z")
              .put("created_at", "2026-11-20T08:00:00Z");
        });
    JitInput input = READER.read(json).input();
    assertThat(input.activeDisruptions().get(0).severity()).isEqualTo(Severity.MODERATE);
    assertThat(input.formulaConfig().trainingMaxIncrease().benchMax()).isEqualTo(5.0);
  }
}

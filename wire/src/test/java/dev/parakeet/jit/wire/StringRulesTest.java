package dev.parakeet.jit.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.validation.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §1.2 "Strings": valid Unicode everywhere, lengths in code points, no control characters in
 * identifiers and exercise names. Documents are written as JSON text, so that escapes such as
 * {@code \ud800} reach the reader exactly as a client would send them.
 */
class StringRulesTest {

  private static final JitInputReader READER = new JitInputReader();

  /** An emoji outside the Basic Multilingual Plane: one code point, two UTF-16 units. */
  private static final String PARROT = "\uD83E\uDD9C";

  /** Fixture F's members, as raw JSON. */
  private static final String[] FIXTURE_F = {
    "\"sessionId\":\"sess-001\"", "\"weekNumber\":1", "\"blockNumber\":1", "\"primaryLift\":\"squat\"",
    "\"intensityType\":\"heavy\"", "\"oneRmKg\":140", "\"activeAuxiliaries\":[\"Pause Squat\",\"Box Squat\"]"
  };

  /**
   * Fixture F with {@code members} (raw JSON: {@code "name":value}, several separated by commas),
   * each replacing the member of the same name or appended.
   */
  private static String doc(String members) {
    Map<String, String> all = new LinkedHashMap<>();
    for (String member : FIXTURE_F) {
      all.put(name(member), member);
    }
    for (String member : splitMembers(members)) {
      all.put(name(member), member);
    }
    return "{" + String.join(",", all.values()) + "}";
  }

  private static String name(String member) {
    return member.substring(0, member.indexOf('"', 1) + 1);
  }

  /** Splits raw top-level members at commas outside strings, arrays and objects. */
  private static List<String> splitMembers(String members) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean inString = false;
    int start = 0;
    for (int i = 0; i < members.length(); i++) {
      char c = members.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(members.substring(start, i));
        start = i + 1;
      }
    }
    if (start < members.length()) {
      out.add(members.substring(start));
    }
    return out;
  }

  /** A JSON string literal of {@code text}, escaping only what JSON requires. */
  private static String str(String text) {
    ObjectNode holder = JitJson.mapper().createObjectNode().put("v", text);
    String json = holder.toString();
    return json.substring(json.indexOf(':') + 1, json.length() - 1);
  }

  private static List<String> rejections(String json) {
    try {
      READER.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (DocumentRejectedException e) {
      return e.violations().stream().map(Violation::toString).toList();
    }
    throw new AssertionError("accepted: " + json);
  }

  static Stream<Arguments> loneSurrogates() {
    return Stream.of(
        Arguments.of("high surrogate in the session id", doc("\"sessionId\":\"sur-\\ud800\""), "sessionId: is not valid Unicode"),
        Arguments.of("low surrogate in the session id", doc("\"sessionId\":\"sur-\\udc00\""), "sessionId: is not valid Unicode"),
        Arguments.of("pair in the wrong order", doc("\"sessionId\":\"\\udc00\\ud800\""), "sessionId: is not valid Unicode"),
        Arguments.of("in the lifter id", doc("\"lifterId\":\"l-\\udfff\""), "lifterId: is not valid Unicode"),
        Arguments.of("in an exercise name", doc("\"activeAuxiliaries\":[\"Box Squat\",\"Pause \\ud83e\"]"), "activeAuxiliaries[1]: is not valid Unicode"),
        Arguments.of("in a disruption description", doc("\"activeDisruptions\":[{\"disruption_type\":\"injury\",\"severity\":\"minor\",\"description\":\"back \\ud800\"}]"), "activeDisruptions[0].description: is not valid Unicode"),
        Arguments.of("in an ignored disruption column", doc("\"activeDisruptions\":[{\"disruption_type\":\"injury\",\"severity\":\"minor\",\"note\":\"\\udc01\"}]"), "activeDisruptions[0].note: is not valid Unicode"),
        Arguments.of("in an unknown top-level field", doc("\"coachNote\":\"\\ud800\""), "coachNote: is not valid Unicode"),
        Arguments.of("deep in an unknown top-level field", doc("\"wearable\":{\"tags\":[\"ok\",\"\\ud800x\"]}"), "wearable.tags[1]: is not valid Unicode"),
        Arguments.of("in a field name (the parser refuses it)", doc("\"x\\ud800\":1"), "$: malformed JSON at line 1, column 172: Broken surrogate pair in field name"),
        Arguments.of("in an enum value", doc("\"primaryLift\":\"squat\\ud800\""), "primaryLift: is not valid Unicode"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loneSurrogates")
  void loneSurrogatesAreRejectedByPathNeverReplaced(String kind, String json, String expected) {
    List<String> violations = rejections(json);
    assertThat(violations).anySatisfy(v -> assertThat(v).startsWith(expected));
    // The offending string is reported once, as invalid Unicode, not again as a wrong value.
    assertThat(violations).hasSize(1);
  }

  @Test
  void theMessageSaysWhereTheSurrogateIs() {
    assertThat(rejections(doc("\"sessionId\":\"" + PARROT + "ab\\ud800\"")))
        .containsExactly("sessionId: is not valid Unicode: a lone surrogate \\ud800 at character 4");
  }

  @Test
  void inputsBuiltInJavaAreHeldToTheSameRules() {
    JitInput built = Fixtures.f().lifterId("l-\ud800").extra("note\udc00", "x").extra("tag", "\udfff").build();
    assertThatThrownBy(() -> READER.validate(built))
        .isInstanceOfSatisfying(
            DocumentRejectedException.class,
            e -> assertThat(e.violations())
                .extracting(Violation::toString)
                .containsExactly(
                    "lifterId: is not valid Unicode: a lone surrogate \\ud800 at character 3",
                    "note\\udc00: field name is not valid Unicode: a lone surrogate \\udc00 at character 5",
                    "tag: is not valid Unicode: a lone surrogate \\udfff at character 1"));
  }

  @Test
  void twoSessionIdsThatDifferOnlyInALoneSurrogateAreBothRejected() {
    // They used to be read as "sur-?" and stored as one session.
    assertThat(rejections(doc("\"sessionId\":\"sur-\\ud800\""))).hasSize(1);
    assertThat(rejections(doc("\"sessionId\":\"sur-\\udc00\""))).hasSize(1);
  }

  @Test
  void surrogatePairsAreValidUnicode() {
    ParsedInput parsed =
        READER.read(doc("\"sessionId\":\"\\ud83e\\udd9c-1\",\"lifterId\":" + str(PARROT) + ",\"note\":\"\\ud83e\\udd9c\""));
    assertThat(parsed.input().sessionId()).isEqualTo(PARROT + "-1");
    assertThat(parsed.input().lifterId()).isEqualTo(PARROT);
    assertThat(parsed.snapshotJson()).contains("\"note\":\"" + PARROT + "\"");
  }

  static Stream<Arguments> lengthsInCodePoints() {
    String disruption = "\"activeDisruptions\":[{\"disruption_type\":\"injury\",\"severity\":\"minor\",\"description\":%s}]";
    return Stream.of(
        Arguments.of("sessionId", "\"sessionId\":%s", 200, "sessionId"),
        Arguments.of("lifterId", "\"lifterId\":%s", 200, "lifterId"),
        Arguments.of("exercise name", "\"activeAuxiliaries\":[%s]", 100, "activeAuxiliaries[0]"),
        Arguments.of("disruption description", disruption, 2000, "activeDisruptions[0].description"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lengthsInCodePoints")
  void lengthsAreCountedInCodePoints(String kind, String member, int max, String path) {
    String atLimit = String.format(member, str(PARROT.repeat(max)));
    assertThat(READER.read(doc(atLimit)).input()).isNotNull();
    String over = String.format(member, str(PARROT.repeat(max + 1)));
    assertThat(rejections(doc(over)))
        .containsExactly(path + ": must have at most " + max + " characters, had " + (max + 1));
  }

  static Stream<Arguments> controlCharacters() {
    return Stream.of(
        Arguments.of("ESC in the session id", doc("\"sessionId\":\"s\\u001b]0;pwned\\u0007\""), "sessionId: must not contain control characters, had U+001B at character 2"),
        Arguments.of("newline in the session id", doc("\"sessionId\":\"s\\nx\""), "sessionId: must not contain control characters, had U+000A at character 2"),
        Arguments.of("NUL in the lifter id", doc("\"lifterId\":\"l\\u0000\""), "lifterId: must not contain control characters, had U+0000 at character 2"),
        Arguments.of("CR in an exercise name", doc("\"activeAuxiliaries\":[\"Box\\rSquat\"]"), "activeAuxiliaries[0]: must not contain control characters, had U+000D at character 4"),
        Arguments.of("C1 control in an exercise name", doc("\"activeAuxiliaries\":[\"Box\\u009bSquat\"]"), "activeAuxiliaries[0]: must not contain control characters, had U+009B at character 4"),
        Arguments.of("DEL in the session id", doc("\"sessionId\":\"s\\u007f\""), "sessionId: must not contain control characters, had U+007F at character 2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controlCharacters")
  void identifiersAndExerciseNamesHaveNoControlCharacters(String kind, String json, String expected) {
    assertThat(rejections(json)).contains(expected);
  }

  @Test
  void aDescriptionMayRunOverSeveralLines() {
    String json = doc("\"activeDisruptions\":[{\"disruption_type\":\"injury\",\"severity\":\"minor\",\"description\":\"Tweaked it.\\nStill sore.\"}]");
    assertThat(READER.read(json).input().activeDisruptions().get(0).description()).isEqualTo("Tweaked it.\nStill sore.");
  }

  @Test
  void theLifterIdIsOptionalButNeverBlank() {
    assertThat(READER.read(doc("")).input().lifterId()).isNull();
    assertThat(rejections(doc("\"lifterId\":\"   \""))).containsExactly("lifterId: must not be blank");
    assertThat(rejections(doc("\"lifterId\":\"\""))).containsExactly("lifterId: must not be blank");
    assertThat(rejections(doc("\"lifterId\":7"))).containsExactly("lifterId: must be a string, was 7");
  }

  @Test
  void theLifterIdIsADocumentedFieldNotAnUnrecognisedOne() {
    ParsedInput parsed = READER.read(doc("\"lifterId\":\"lifter-7\",\"stressLevel\":3"));
    assertThat(parsed.input().lifterId()).isEqualTo("lifter-7");
    assertThat(parsed.unrecognisedFields()).containsExactly("stressLevel");
    assertThat(parsed.input().extras()).doesNotContainKey("lifterId");
  }

  @Test
  void everyStringViolationIsListedAtOnce() {
    String json =
        doc("\"sessionId\":\"\\ud800\",\"lifterId\":\"a\\u0007\",\"activeAuxiliaries\":[\"\\udc00\"," + str(PARROT.repeat(101)) + "]");
    assertThat(rejections(json))
        .containsExactly(
            "activeAuxiliaries[0]: is not valid Unicode: a lone surrogate \\udc00 at character 1",
            "activeAuxiliaries[1]: must have at most 100 characters, had 101",
            "lifterId: must not contain control characters, had U+0007 at character 2",
            "sessionId: is not valid Unicode: a lone surrogate \\ud800 at character 1");
  }
}

package dev.parakeet.jit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.validation.InputRules;
import dev.parakeet.jit.engine.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming binder and the thorough path are one reader: on valid documents and on thousands of
 * seeded mutations of them, {@link JitInputReader} (streaming first) and the thorough {@link
 * StrictBinder} alone agree on accepting or rejecting, on the bound {@code JitInput}, on the stored
 * snapshot and the unrecognised fields, and on the stage and every violation of a rejection; and
 * every valid document takes the streaming path. Everything runs from the repository alone.
 */
class StreamingEquivalenceTest {

  private static final int DOCUMENTS = 400;
  private static final int MUTATIONS_PER_DOCUMENT = 15;

  private static final JitInputReader READER = new JitInputReader();
  private static final StreamingBinder<JitInput> STREAMING = JitInputReader.STREAMING;

  /** What the thorough path alone makes of a document. */
  private record Verdict(JitInput input, String snapshot, List<String> unrecognised, DocumentRejectedException.Stage stage,
      List<Violation> violations) {

    static Verdict thorough(byte[] json) {
      try {
        StrictBinder.Bound<JitInput> bound =
            StrictBinder.SHARED.bind(json, JitInput.class, JitInputReader.WHAT, InputRules::check);
        List<String> unrecognised = new ArrayList<>();
        bound.document().fieldNames().forEachRemaining(name -> {
          if (bound.value().extras().containsKey(name)) {
            unrecognised.add(name);
          }
        });
        return new Verdict(bound.value(), bound.document().toString(), unrecognised, null, null);
      } catch (DocumentRejectedException e) {
        return new Verdict(null, null, null, e.stage(), e.violations());
      }
    }

    static Verdict reader(byte[] json) {
      try {
        ParsedInput parsed = READER.read(json);
        return new Verdict(parsed.input(), parsed.snapshotJson(), parsed.unrecognisedFields(), null, null);
      } catch (DocumentRejectedException e) {
        return new Verdict(null, null, null, e.stage(), e.violations());
      }
    }

    boolean accepted() {
      return input != null;
    }
  }

  /** Checks one document; returns whether the thorough path accepted it. */
  private static boolean agree(byte[] json) {
    String what = new String(json, StandardCharsets.UTF_8);
    Verdict thorough = Verdict.thorough(json);
    Verdict reader = Verdict.reader(json);
    assertThat(reader).as(what).isEqualTo(thorough);
    StreamingBinder.Streamed<JitInput> fast = STREAMING.bind(json, 0, json.length);
    if (fast != null) {
      JitInput streamed = fast.value();
      assertThat(fast.kept()).as(what).isEqualTo(thorough.unrecognised());
      assertThat(thorough.accepted()).as("streamed but rejected: %s", what).isTrue();
      assertThat(streamed).as(what).isEqualTo(thorough.input());
      // Same values of the same types, down to Integer or Long in kept fields and the sign of zero.
      String expected = thorough.input().toString();
      String actual = streamed.toString();
      assertThat(actual).as("%s%n  differs at: %s", what, difference(expected, actual)).isEqualTo(expected);
    }
    return thorough.accepted();
  }

  private static String difference(String expected, String actual) {
    int at = 0;
    while (at < expected.length() && at < actual.length() && expected.charAt(at) == actual.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - 60);
    return "expected …" + expected.substring(from, Math.min(expected.length(), at + 60)) + "… but was …"
        + actual.substring(from, Math.min(actual.length(), at + 60)) + "…";
  }

  @Test
  void validDocumentsAndTheirMutationsAreReadAlikeByBothPaths() {
    AppDocuments documents = new AppDocuments(20261126L);
    Mutations mutations = new Mutations(0xBADC0DEL, documents);
    int accepted = 0;
    int rejected = 0;
    for (int i = 0; i < DOCUMENTS; i++) {
      ObjectNode tree = documents.nextTree();
      byte[] valid = documents.text(tree).getBytes(StandardCharsets.UTF_8);
      assertThat(agree(valid)).as("a valid document was rejected: %s", new String(valid, StandardCharsets.UTF_8)).isTrue();
      assertThat(STREAMING.bind(valid, 0, valid.length))
          .as("a valid document missed the streaming path: %s", new String(valid, StandardCharsets.UTF_8))
          .isNotNull();
      for (int m = 0; m < MUTATIONS_PER_DOCUMENT; m++) {
        if (agree(mutations.mutate(tree))) {
          accepted++;
        } else {
          rejected++;
        }
      }
    }
    // The mutations must exercise both verdicts, or this test would prove little.
    assertThat(rejected).isGreaterThan(DOCUMENTS * MUTATIONS_PER_DOCUMENT / 2);
    assertThat(accepted).isGreaterThan(DOCUMENTS / 4);
  }

  /** The streaming binder may decline a document, but only by a detour, never by failing. */
  @AfterEach
  void nothingFailedOnTheStreamingPath() {
    assertThat(STREAMING.unexpectedFailures()).isZero();
  }

  @Test
  void theRepositorysExamplesAreReadAlikeByBothPaths() {
    for (byte[] example : AppDocuments.examples()) {
      agree(example);
    }
  }

  @Test
  void theStreamingBinderReadsEveryPartOfAJitInput() {
    assertThat(STREAMING.unsupported()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // The type id after the other members: valid, but left to the thorough path.
        "{\"sessionId\":\"s\",\"weekNumber\":1,\"blockNumber\":1,\"primaryLift\":\"squat\",\"intensityType\":\"heavy\",\"oneRmKg\":140,\"warmupConfig\":{\"name\":\"minimal\",\"type\":\"preset\"}}",
        // Numbers in every spelling JSON allows.
        "{\"sessionId\":\"s\",\"weekNumber\":1,\"blockNumber\":1,\"primaryLift\":\"squat\",\"intensityType\":\"heavy\",\"oneRmKg\":1.4E2,\"sleepHours\":7.50,\"hrvScore\":-0.0,\"bodyWeightKg\":1e-300}",
        // A field named like the map of kept fields.
        "{\"sessionId\":\"s\",\"weekNumber\":1,\"blockNumber\":1,\"primaryLift\":\"squat\",\"intensityType\":\"heavy\",\"oneRmKg\":140,\"extras\":{\"a\":1}}",
        // Kept fields of every JSON type, including integers beyond an int and beyond a long.
        "{\"sessionId\":\"s\",\"weekNumber\":1,\"blockNumber\":1,\"primaryLift\":\"squat\",\"intensityType\":\"heavy\",\"oneRmKg\":140,\"a\":[1,3000000000,1.5,\"t\",true,null,{}],\"b\":123456789012345678901234567890}",
        // Nested deeper than the limit inside a kept field.
        "{\"sessionId\":\"s\",\"weekNumber\":1,\"blockNumber\":1,\"primaryLift\":\"squat\",\"intensityType\":\"heavy\",\"oneRmKg\":140,\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
        // A duplicate key inside an ignored disruption column, and one among kept fields.
        "{\"sessionId\":\"s\",\"weekNumber\":1,\"blockNumber\":1,\"primaryLift\":\"squat\",\"intensityType\":\"heavy\",\"oneRmKg\":140,\"activeDisruptions\":[{\"disruption_type\":\"injury\",\"severity\":\"minor\",\"x\":{\"a\":1,\"a\":2}}]}",
        "{\"sessionId\":\"s\",\"weekNumber\":1,\"blockNumber\":1,\"primaryLift\":\"squat\",\"intensityType\":\"heavy\",\"oneRmKg\":140,\"a\":1,\"a\":2}",
        // Kept fields whose names share a hash bucket (\"Aa\" and \"BB\" have one hash code), in both orders,
        // at the top (a HashMap, as Jackson fills it) and nested (a LinkedHashMap).
        "{\"BB\":1,\"sessionId\":\"s\",\"weekNumber\":1,\"Aa\":{\"BB\":1,\"Aa\":2},\"blockNumber\":1,\"primaryLift\":\"squat\",\"intensityType\":\"heavy\",\"oneRmKg\":140,\"AaBB\":3,\"BBAa\":4,\"AaAa\":5}",
        "{\"sessionId\":\"s\",\"weekNumber\":1,\"blockNumber\":1,\"primaryLift\":\"squat\",\"intensityType\":\"heavy\",\"oneRmKg\":140,\"Aa\":1,\"BB\":2,\"BBBB\":3,\"AaAa\":4,\"b\":5,\"a\":6,\"c\":7,\"d\":8,\"e\":9,\"f\":10,\"g\":11,\"h\":12,\"i\":13,\"j\":14}",
        // Every documented field, then kept ones: the record is complete before they arrive.
        "{\"sessionId\":\"s\",\"weekNumber\":1,\"blockNumber\":1,\"primaryLift\":\"squat\",\"intensityType\":\"heavy\",\"oneRmKg\":140,\"allOneRmKg\":{\"bench\":100},\"lifterId\":\"l\",\"formulaConfig\":{},\"sorenessRatings\":{},\"auxiliarySorenessRatings\":{},\"weeklyVolumeToDate\":{},\"mrvMevConfig\":{},\"activeAuxiliaries\":[],\"recentLogs\":[],\"activeDisruptions\":[],\"warmupConfig\":{\"type\":\"preset\",\"name\":\"standard\"},\"biologicalSex\":\"male\",\"daysSinceLastSession\":1,\"menstrualPhase\":\"luteal\",\"sleepHours\":7,\"sleepQuality\":3,\"hrvScore\":50,\"bodyWeightKg\":80,\"userAge\":30,\"BB\":1,\"zzz\":2,\"Aa\":3}",
        // A byte-order mark, and a document in UTF-16.
        "\uFEFF{\"sessionId\":\"s\",\"weekNumber\":1,\"blockNumber\":1,\"primaryLift\":\"squat\",\"intensityType\":\"heavy\",\"oneRmKg\":140}"
      })
  void edgeCasesAreReadAlikeByBothPaths(String json) {
    agree(json.getBytes(StandardCharsets.UTF_8));
    agree(json.getBytes(StandardCharsets.UTF_16BE));
  }

  @Test
  void aDocumentInsideALargerBufferIsReadWithoutCopying() {
    byte[] document = new AppDocuments(7).next();
    byte[] buffer = new byte[document.length + 20];
    java.util.Arrays.fill(buffer, (byte) '#');
    System.arraycopy(document, 0, buffer, 10, document.length);
    ParsedInput inBuffer = READER.read(buffer, 10, document.length);
    ParsedInput alone = READER.read(document);
    assertThat(inBuffer.input()).isEqualTo(alone.input());
    assertThat(inBuffer.snapshotJson()).isEqualTo(alone.snapshotJson());
  }
}

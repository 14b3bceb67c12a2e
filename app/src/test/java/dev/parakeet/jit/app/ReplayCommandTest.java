package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.wire.JitJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class ReplayCommandTest {

  private static final String F = GenerateCommandTest.F;

  private static String line(String sessionId) {
    return F.replace("sess-001", sessionId);
  }

  private static List<String> lines(String text) {
    return text.lines().toList();
  }

  @Test
  void oneOutputPerLineInOrder() {
    String input = line("a") + "\n" + line("b") + "\n" + line("c") + "\n";
    CliHarness.Result result = CliHarness.withInput(input, "replay", "-", "--strategy", "formula");
    assertThat(result.exit()).isEqualTo(ExitCode.OK);
    assertThat(lines(result.out()))
        .extracting(l -> JitJson.readOutput(l).sessionId())
        .containsExactly("a", "b", "c");
    assertThat(result.err()).contains("replayed 3 inputs: 3 generated, 0 rejected");
  }

  @Test
  void anInvalidLineGivesAnErrorObjectAndTheBatchGoesOn() throws Exception {
    String input = line("a") + "\n" + "{\"sessionId\": 5}\n" + "not json at all\n" + line("d") + "\n";
    CliHarness.Result result = CliHarness.withInput(input, "replay", "-");
    assertThat(result.exit()).isEqualTo(ExitCode.REJECTED);
    List<String> out = lines(result.out());
    assertThat(out).hasSize(4);
    assertThat(JitJson.readOutput(out.get(0)).sessionId()).isEqualTo("a");
    JsonNode second = JitJson.mapper().readTree(out.get(1));
    assertThat(second.get("line").asInt()).isEqualTo(2);
    assertThat(second.get("error").asText()).isEqualTo("input rejected");
    assertThat(second.get("violations").findValuesAsText("path")).contains("sessionId", "primaryLift");
    JsonNode third = JitJson.mapper().readTree(out.get(2));
    assertThat(third.get("line").asInt()).isEqualTo(3);
    assertThat(third.get("violations").get(0).get("message").asText()).startsWith("malformed JSON");
    assertThat(JitJson.readOutput(out.get(3)).sessionId()).isEqualTo("d");
    assertThat(result.err()).contains("replayed 4 inputs: 2 generated, 2 rejected");
  }

  @Test
  void blankLinesAndWindowsLineEndingsAreTolerated() {
    String input = line("a") + "\r\n\r\n   \n" + line("b");
    CliHarness.Result result = CliHarness.withInput(input, "replay", "-");
    assertThat(result.exit()).isEqualTo(ExitCode.OK);
    assertThat(lines(result.out())).extracting(l -> JitJson.readOutput(l).sessionId()).containsExactly("a", "b");
  }

  @Test
  void anOversizedLineIsRejectedWithoutStoppingTheBatch() throws Exception {
    String huge = F.replace("}", ",\"notes\":\"" + "x".repeat(1_100_000) + "\"}");
    CliHarness.Result result = CliHarness.withInput(huge + "\n" + line("after"), "replay", "-");
    List<String> out = lines(result.out());
    assertThat(out).hasSize(2);
    JsonNode error = JitJson.mapper().readTree(out.get(0));
    assertThat(error.get("line").asInt()).isEqualTo(1);
    assertThat(error.get("violations").get(0).get("message").asText()).contains("the limit is 1 MiB");
    JitOutput after = JitJson.readOutput(out.get(1));
    assertThat(after.sessionId()).isEqualTo("after");
  }

  @Test
  void lineNumbersCountBlankLines() throws Exception {
    CliHarness.Result result = CliHarness.withInput("\n\n{\"x\":1}\n", "replay", "-");
    assertThat(JitJson.mapper().readTree(result.out().strip()).get("line").asInt()).isEqualTo(3);
  }

  @Test
  void anEmptyBatchIsFine() {
    CliHarness.Result result = CliHarness.withInput("", "replay", "-");
    assertThat(result.exit()).isEqualTo(ExitCode.OK);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void replaysTheExampleFile() {
    CliHarness.Result result =
        CliHarness.run("replay", GenerateCommandTest.EXAMPLES.resolve("replay.ndjson").toString());
    assertThat(result.exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(lines(result.out())).hasSize(3);
  }

  @Test
  void concurrentReplayKeepsInputOrder() {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      input.append(i % 7 == 3 ? "{\"sessionId\":\"bad-" + i + "\"}" : line("s-" + i)).append('\n');
    }
    CliHarness.Result sequential = CliHarness.withInput(input.toString(), "replay", "-", "--parallel", "1");
    CliHarness.Result concurrent = CliHarness.withInput(input.toString(), "replay", "-", "--parallel", "8");
    assertThat(concurrent.out()).isEqualTo(sequential.out());
    assertThat(lines(concurrent.out())).hasSize(60);
    assertThat(concurrent.err()).contains("replayed 60 inputs: 51 generated, 9 rejected");
  }

  @Test
  void parallelMustBePositive() {
    assertThat(CliHarness.withInput(line("a"), "replay", "-", "--parallel", "0").exit()).isEqualTo(ExitCode.REJECTED);
  }

  /** SPEC §8, "Order": the last line is the latest generation and the history follows the lines. */
  @Test
  void repeatedSessionIdsAreRecordedInInputOrderWhateverTheParallelism(@TempDir Path home) throws Exception {
    int lines = 120;
    StringBuilder batch = new StringBuilder();
    for (int week = 1; week <= lines; week++) {
      batch.append(F.replace("\"weekNumber\":1", "\"weekNumber\":" + week)).append('\n');
    }
    CliHarness.Result replay = CliHarness.inHome(home, Map.of(), batch.toString(), "replay", "-", "--parallel", "8");
    assertThat(replay.exit()).as(replay.err()).isEqualTo(ExitCode.OK);

    CliHarness.Result shown = CliHarness.inHome(home, Map.of(), "", "sessions", "show", "sess-001", "--format", "json");
    JsonNode session = JitJson.mapper().readTree(shown.out());
    List<Integer> weeks = new ArrayList<>();
    for (JsonNode generation : session.get("history")) {
      weeks.add(generation.at("/jit_input_snapshot/weekNumber").asInt());
    }
    assertThat(weeks).as("the history follows the lines").isEqualTo(IntStream.rangeClosed(1, lines).boxed().toList());
    assertThat(session.get("weekNumber").asInt()).as("the last line is the current generation").isEqualTo(lines);
  }

  /** The 1 MiB limit is on the document: its line terminator, LF or CRLF, is not part of it. */
  @Test
  void aOneMibDocumentEndedByCrlfIsAcceptedLikeOneEndedByLf() {
    String padded = exactly(JitJson.MAX_DOCUMENT_BYTES);
    for (String terminator : new String[] {"\n", "\r\n"}) {
      CliHarness.Result result = CliHarness.withInput(padded + terminator + line("next") + terminator, "replay", "-", "--no-store");
      assertThat(result.exit()).as(terminator.length() + "-byte terminator: " + result.out().lines().findFirst().orElse(""))
          .isEqualTo(ExitCode.OK);
      assertThat(lines(result.out())).extracting(l -> JitJson.readOutput(l).sessionId()).containsExactly("sess-001", "next");
    }
    CliHarness.Result over = CliHarness.withInput(exactly(JitJson.MAX_DOCUMENT_BYTES + 1) + "\r\n", "replay", "-", "--no-store");
    assertThat(over.exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(over.out()).contains("the limit is 1 MiB");
  }

  /** F with an unknown field padding it to exactly {@code bytes} bytes of UTF-8. */
  private static String exactly(int bytes) {
    String prefix = F.substring(0, F.length() - 1) + ",\"notes\":\"";
    String document = prefix + "x".repeat(bytes - prefix.length() - 2) + "\"}";
    assertThat(document.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
    return document;
  }

  @Test
  void aPrettyPrintedDocumentIsToldToUseGenerate(@TempDir Path dir) throws Exception {
    Path pretty = dir.resolve("pretty.json");
    Files.writeString(pretty, JitJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(JitJson.mapper().readTree(F)));
    CliHarness.Result result = CliHarness.inHome(dir, Map.of(), "", "replay", pretty.toString());
    assertThat(result.exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines().toList())
        .containsExactly("parakeet: " + pretty + " looks like one JSON document, not one per line — use 'parakeet generate "
            + pretty + "' (or put each document on a line of its own, e.g. with jq -c)");
    assertThat(dir.resolve(".parakeet")).as("nothing opened or stored").doesNotExist();

    CliHarness.Result array = CliHarness.inHome(dir, Map.of(), "[" + F + "," + F + "]\n", "replay", "-");
    assertThat(array.exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(array.err()).contains("standard input looks like a JSON array, not one document per line");
    assertThat(array.err().lines()).hasSize(1);
  }
}

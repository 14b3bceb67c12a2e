package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.wire.JitJson;
import java.util.List;
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
}

package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.wire.JitJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GenerateCommandTest {

  static final Path EXAMPLES = Path.of("..", "examples");
  static final String F =
      "{\"sessionId\":\"sess-001\",\"weekNumber\":1,\"blockNumber\":1,\"primaryLift\":\"squat\","
          + "\"intensityType\":\"heavy\",\"oneRmKg\":140,\"activeAuxiliaries\":[\"Pause Squat\",\"Box Squat\"]}";

  static Stream<Path> examples() throws IOException {
    return Files.list(EXAMPLES).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleGeneratesACard(Path example) {
    CliHarness.Result result = CliHarness.run("generate", example.toString());
    assertThat(result.exit()).as(result.err()).isEqualTo(ExitCode.OK);
    assertThat(result.out()).contains("WHY").contains("Strategy: formula");
  }

  @Test
  void theCardShowsWarmupsWorkingSetsAuxiliaryAndStrategy() {
    CliHarness.Result result = CliHarness.withInput(F, "generate", "-", "--strategy", "formula");
    assertThat(result.exit()).isEqualTo(ExitCode.OK);
    assertThat(result.out())
        .contains("Squat — block 1 heavy, week 1 · 1RM 140 kg")
        .contains("WARM-UP")
        .containsPattern("1  45 kg +× 5")
        .contains("WORKING SETS")
        .containsPattern("2  112.5 kg +× 5 +RPE 8.5")
        .contains("AUXILIARY")
        .contains("Pause Squat  3 × 5 @ 97.5 kg, RPE 7.5")
        .contains("Strategy: formula (deterministic rules).");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void jsonIsExactlyTheOutput() {
    CliHarness.Result result = CliHarness.withInput(F, "generate", "-", "--format", "json");
    assertThat(result.exit()).isEqualTo(ExitCode.OK);
    JitOutput printed = JitJson.readOutput(result.out());
    assertThat(printed).isEqualTo(Fixtures.formula().generate(Fixtures.f().build()));
  }

  @Test
  void aRejectedInputExitsTwoWithEveryViolationOnStandardError() {
    String bad = F.replace("\"weekNumber\":1", "\"weekNumber\":0").replace("\"squat\"", "\"press\"");
    CliHarness.Result result = CliHarness.withInput(bad, "generate", "-");
    assertThat(result.exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("standard input rejected (2 violations)")
        .contains("primaryLift: must be one of squat, bench, deadlift, was \"press\"")
        .contains("weekNumber: must be at least 1, was 0");
  }

  @Test
  void malformedJsonExitsTwo() {
    CliHarness.Result result = CliHarness.withInput("{\"sessionId\":", "generate", "-");
    assertThat(result.exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(result.err()).contains("$: malformed JSON");
  }

  @Test
  void aMissingFileExitsOne() {
    CliHarness.Result result = CliHarness.run("generate", "no-such-input.json");
    assertThat(result.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(result.err()).contains("cannot read no-such-input.json: no such file");
  }

  @Test
  void aDirectoryExitsOne(@TempDir Path dir) {
    CliHarness.Result result = CliHarness.run("generate", dir.toString());
    assertThat(result.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(result.err()).contains("is a directory");
  }

  @Test
  void anUnknownStrategyOrFormatIsAUsageError() {
    assertThat(CliHarness.withInput(F, "generate", "-", "--strategy", "fancy").exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(CliHarness.withInput(F, "generate", "-", "--format", "xml").exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(CliHarness.run("frobnicate").exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(CliHarness.run().exit()).as("no command at all").isEqualTo(ExitCode.REJECTED);
  }

  @Test
  void unrecognisedFieldsAreKeptAndMentioned() {
    String withExtras = F.replace("{", "{\"stressLevel\":4,\"wearable\":{\"hr\":50},");
    CliHarness.Result result = CliHarness.withInput(withExtras, "generate", "-");
    assertThat(result.exit()).isEqualTo(ExitCode.OK);
    assertThat(result.err()).contains("unrecognised fields kept").contains("stressLevel, wearable");
  }

  @Test
  void noStoreIsAccepted() {
    assertThat(CliHarness.withInput(F, "generate", "-", "--no-store").exit()).isEqualTo(ExitCode.OK);
  }

  @Test
  void withoutAProviderTheModelStrategiesFallBackAndSaySo() {
    for (String strategy : new String[] {"llm", "hybrid"}) {
      CliHarness.Result json = CliHarness.withInput(F, "generate", "-", "--strategy", strategy, "--format", "json");
      assertThat(json.exit()).isEqualTo(ExitCode.OK);
      JitOutput output = JitJson.readOutput(json.out());
      assertThat(output.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
      assertThat(output.fallbackReason()).startsWith("not_configured:");
      assertThat(json.err()).isEqualTo("parakeet: note: No language model is configured, so this is the formula's"
          + " session. Set ANTHROPIC_API_KEY, or --provider ollama with OLLAMA_BASE_URL.\n");

      CliHarness.Result card = CliHarness.withInput(F, "generate", "-", "--strategy", strategy);
      assertThat(card.out()).endsWith("\nStrategy: formula, in place of the model.\n"
          + "  No language model is configured, so this is the formula's session.\n"
          + "  Set ANTHROPIC_API_KEY, or --provider ollama with OLLAMA_BASE_URL.\n");
      assertThat(card.out()).doesNotContain("not_configured");
      assertThat(card.err()).as("no duplicate on standard error").isEmpty();
    }
  }

  @Test
  void autoWithoutAProviderIsTheFormula() {
    JitOutput output = JitJson.readOutput(CliHarness.withInput(F, "generate", "-", "--format", "json").out());
    assertThat(output.jitStrategy()).isEqualTo(JitStrategy.FORMULA);
  }

  @Test
  void aSkippedLiftSaysSo() {
    CliHarness.Result result = CliHarness.run("generate", EXAMPLES.resolve("at-mrv.json").toString());
    assertThat(result.out()).contains("MAIN LIFT").contains("Skipped today").doesNotContain("WARM-UP");
    assertThat(result.out()).contains("! [constraint] MRV reached for chest — main lift skipped");
  }

  @Test
  void helpListsTheCommands() {
    CliHarness.Result result = CliHarness.run("--help");
    assertThat(result.exit()).isEqualTo(ExitCode.OK);
    assertThat(result.out()).contains("generate").contains("replay").contains("Exit status");
  }
}

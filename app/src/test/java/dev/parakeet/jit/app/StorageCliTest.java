package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.FakeProviderServer;
import dev.parakeet.jit.fakes.Protocol;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line stores, where, and how it is shown again (SPEC §8, §9.1). */
class StorageCliTest {

  private static final String F = GenerateCommandTest.F;

  @TempDir Path home;

  private CliHarness.Result run(String stdin, String... args) {
    return CliHarness.inHome(home, Map.of(), stdin, args);
  }

  private CliHarness.Result run(Map<String, String> env, String stdin, String... args) {
    return CliHarness.inHome(home, env, stdin, args);
  }

  private Path embedded() {
    return home.resolve(".parakeet").resolve("parakeet.db");
  }

  @Test
  void generatingRecordsTheSessionInTheEmbeddedDatabaseByDefault() {
    assertThat(embedded()).doesNotExist();
    assertThat(run(F, "generate", "-").exit()).isEqualTo(ExitCode.OK);
    assertThat(embedded()).exists();

    CliHarness.Result shown = run("", "sessions", "show", "sess-001");
    assertThat(shown.exit()).as(shown.err()).isEqualTo(ExitCode.OK);
    assertThat(shown.out())
        .contains("Stored session sess-001")
        .contains("1 generation")
        .contains("WORKING SETS")
        .contains("HISTORY (oldest first)")
        .containsPattern("1 +2026-11-24 07:30:00 UTC +formula +2×5 @ 112.5 kg");
  }

  @Test
  void regeneratingKeepsThePreviousGenerationInTheHistory() throws Exception {
    run(F, "generate", "-");
    run(F.replace("\"activeAuxiliaries\"", "\"sorenessRatings\":{\"quads\":4},\"activeAuxiliaries\""), "generate", "-");
    CliHarness.Result shown = run("", "sessions", "show", "sess-001", "--format", "json");
    JsonNode session = JitJson.mapper().readTree(shown.out());
    assertThat(session.get("history")).hasSize(2);
    assertThat(session.at("/history/0/revision").asInt()).isEqualTo(1);
    assertThat(session.at("/history/0/output/mainLiftSets/0/weight_kg").asDouble()).isEqualTo(112.5);
    assertThat(session.at("/history/1/output/mainLiftSets/0/weight_kg").asDouble()).isEqualTo(107.5);
    assertThat(session.at("/output/mainLiftSets/0/weight_kg").asDouble()).as("the row is the latest").isEqualTo(107.5);
    assertThat(session.at("/planned_sets/0/weight_kg").asDouble()).isEqualTo(107.5);
    assertThat(session.at("/jit_input_snapshot/sorenessRatings/quads").asInt()).isEqualTo(4);
    assertThat(session.get("jit_strategy").asText()).isEqualTo("formula");
  }

  @Test
  void theSnapshotKeepsUnknownFieldsAndTheLifter() throws Exception {
    run(F.replace("{", "{\"lifterId\":\"lifter-9\",\"stressLevel\":4,"), "generate", "-");
    JsonNode session = JitJson.mapper().readTree(run("", "sessions", "show", "sess-001", "--format", "json").out());
    assertThat(session.get("lifterId").asText()).isEqualTo("lifter-9");
    assertThat(session.at("/jit_input_snapshot/stressLevel").asInt()).isEqualTo(4);
    assertThat(run("", "sessions", "list").out()).contains("lifter-9");
  }

  @Test
  void listShowsTheMostRecentlyUpdatedFirst() {
    run(F.replace("sess-001", "older"), "generate", "-");
    CliHarness.at(Clock.offset(Fixtures.CLOCK, Duration.ofHours(1)), home, Map.of(), F.replace("sess-001", "newer"), "generate", "-");
    CliHarness.Result list = run("", "sessions", "list");
    assertThat(list.exit()).isEqualTo(ExitCode.OK);
    assertThat(list.out().indexOf("newer")).isLessThan(list.out().indexOf("older"));
    assertThat(list.out()).contains("SESSION").contains("block 1 heavy, week 1").contains("formula");
  }

  @Test
  void noStoreWritesNothing() {
    assertThat(run(F, "generate", "-", "--no-store").exit()).isEqualTo(ExitCode.OK);
    assertThat(embedded()).doesNotExist();
    assertThat(run(F, "replay", "-", "--no-store").exit()).isEqualTo(ExitCode.OK);
    assertThat(embedded()).doesNotExist();
  }

  @Test
  void aRejectedInputWritesNothingAndOpensNothing() {
    CliHarness.Result rejected = run(F.replace("\"squat\"", "\"press\""), "generate", "-");
    assertThat(rejected.exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(embedded()).doesNotExist();
  }

  @Test
  void replayRecordsEveryGeneratedLineAndNothingForRejectedOnes() {
    String batch = F.replace("sess-001", "r-1") + "\n{\"sessionId\":\"r-bad\"}\n" + F.replace("sess-001", "r-3") + "\n";
    assertThat(run(batch, "replay", "-").exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(run("", "sessions", "show", "r-1").exit()).isEqualTo(ExitCode.OK);
    assertThat(run("", "sessions", "show", "r-3").exit()).isEqualTo(ExitCode.OK);
    CliHarness.Result bad = run("", "sessions", "show", "r-bad");
    assertThat(bad.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(bad.err()).contains("no stored session \"r-bad\"");
  }

  @Test
  void theDbFlagWinsOverTheEnvironmentWhichWinsOverTheDefault(@TempDir Path dir) {
    String fromEnv = "jdbc:sqlite:" + dir.resolve("env.db");
    String fromFlag = "jdbc:sqlite:" + dir.resolve("flag.db");
    Map<String, String> env = Map.of(Database.URL_VARIABLE, fromEnv);
    run(env, F.replace("sess-001", "via-env"), "generate", "-");
    run(env, F.replace("sess-001", "via-flag"), "generate", "-", "--db", fromFlag);
    assertThat(dir.resolve("env.db")).exists();
    assertThat(dir.resolve("flag.db")).exists();
    assertThat(embedded()).doesNotExist();
    assertThat(run("", "sessions", "list", "--db", fromEnv).out()).contains("via-env").doesNotContain("via-flag");
    assertThat(run("", "sessions", "list", "--db", fromFlag).out()).contains("via-flag").doesNotContain("via-env");
  }

  @Test
  void aStoreThatCannotBeOpenedFailsWithExitOne() {
    CliHarness.Result result = run(F, "generate", "-", "--db", "jdbc:sqlite:/proc/no-such-dir/x.db");
    assertThat(result.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(result.err()).contains("cannot open the session store");
    assertThat(result.out()).isEmpty();
    assertThat(run("", "sessions", "list", "--db", "jdbc:mysql://localhost/x").err()).contains("cannot open the session store");
  }

  @Test
  void aSessionThatCannotBeStoredIsStillShownAndTheExitSaysSo(@TempDir Path dir) throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("refusing.db");
    Database.open(url, Fixtures.CLOCK).close(); // created and migrated
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TRIGGER refuse BEFORE INSERT ON sessions BEGIN SELECT RAISE(ABORT, 'disk quota exceeded'); END");
    }
    CliHarness.Result generated = run(F, "generate", "-", "--db", url);
    assertThat(generated.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(generated.out()).contains("WORKING SETS");
    assertThat(generated.err()).contains("the session was generated but not stored").contains("disk quota exceeded");

    CliHarness.Result replayed = run(F + "\n", "replay", "-", "--db", url);
    assertThat(replayed.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(replayed.err()).contains("line 1 was generated but not stored");
  }

  @Test
  void aPasswordInTheUrlIsNeverPrinted() {
    CliHarness.Result result =
        run(F, "generate", "-", "--db", "jdbc:postgresql://127.0.0.1:1/parakeet?user=coach&password=hunter2-secret");
    assertThat(result.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(result.err()).contains("cannot open the session store").doesNotContain("hunter2-secret");
  }

  @Test
  void hybridRunsAreLoggedAndPurgedAfterTheirRetention() {
    // No provider: the hybrid falls back, and the failure is logged as a comparison.
    assertThat(run(F, "generate", "-", "--strategy", "hybrid").exit()).isEqualTo(ExitCode.OK);
    assertThat(run(F.replace("sess-001", "h-2"), "generate", "-", "--strategy", "hybrid").exit()).isEqualTo(ExitCode.OK);

    CliHarness.Result early =
        CliHarness.at(Clock.offset(Fixtures.CLOCK, Duration.ofDays(30)), home, Map.of(), "", "comparisons", "purge");
    assertThat(early.out()).contains("Purged 0 comparison logs older than 90 days").contains("2 kept");

    CliHarness.Result late =
        CliHarness.at(Clock.offset(Fixtures.CLOCK, Duration.ofDays(91)), home, Map.of(), "", "comparisons", "purge");
    assertThat(late.exit()).isEqualTo(ExitCode.OK);
    assertThat(late.out()).contains("Purged 2 comparison logs older than 90 days").contains("0 kept");

    CliHarness.Result custom =
        CliHarness.at(Fixtures.CLOCK, home, Map.of(), "", "comparisons", "purge", "--older-than-days", "-1");
    assertThat(custom.exit()).isEqualTo(ExitCode.REJECTED);
  }

  @Test
  void aSurfacedDivergenceIsShownOnTheCardAndTheModelsSessionStored() throws Exception {
    try (FakeProviderServer anthropic = FakeProviderServer.start(Protocol.ANTHROPIC)) {
      anthropic.enqueue(Behavior.answer(
          "{\"intensityModifier\":0.88,\"setModifier\":-1,\"skipMainLift\":false,\"auxOverrides\":[],"
              + "\"rationale\":[\"Poor sleep and sore quads: lighter and shorter.\"],\"confidence\":\"medium\"}"));
      Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-test", "ANTHROPIC_BASE_URL", anthropic.baseUrl());
      CliHarness.Result card = run(env, F, "generate", "-", "--strategy", "hybrid");
      assertThat(card.exit()).as(card.err()).isEqualTo(ExitCode.OK);
      assertThat(card.out())
          .contains("FORMULA AND MODEL DISAGREE")
          // 0.88 × 112.5 → 100 kg, raised to 102.5 by the over-reaction guard; one set fewer is allowed
          .contains("The formula suggests 2×5 @ 112.5 kg; the model suggests 1×5 @ 102.5 kg.")
          .contains("Weight differs by 9 %, sets by -1.")
          .contains("The model's reason: Poor sleep and sore quads: lighter and shorter.")
          .contains("Strategy: hybrid");
      JsonNode stored = JitJson.mapper().readTree(run("", "sessions", "show", "sess-001", "--format", "json").out());
      assertThat(stored.get("jit_strategy").asText()).isEqualTo("hybrid");
      assertThat(stored.at("/output/comparison/shouldSurfaceToUser").asBoolean()).isTrue();
      assertThat(stored.at("/output/comparison/formulaOutput/mainLiftSets/0/weight_kg").asDouble()).isEqualTo(112.5);
    }
  }

  @Test
  void sessionsWithoutASubcommandIsAUsageError() {
    assertThat(run("", "sessions").exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(run("", "comparisons").exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(run("", "sessions", "list", "--limit", "0").exit()).isEqualTo(ExitCode.REJECTED);
  }

  @Test
  void embeddedFileIsInWalMode() throws Exception {
    run(F, "generate", "-");
    assertThat(Files.exists(embedded())).isTrue();
    assertThat(Files.readAllBytes(embedded())[18]).as("file format write version 2 = WAL").isEqualTo((byte) 2);
  }
}

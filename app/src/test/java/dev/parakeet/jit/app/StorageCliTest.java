package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.FakeProviderServer;
import dev.parakeet.jit.fakes.Protocol;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.wire.JitJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    CliHarness.Result otherKind = run("", "sessions", "list", "--db", "jdbc:mysql://localhost/x");
    assertThat(otherKind.exit()).as("another kind of database is a usage error").isEqualTo(ExitCode.REJECTED);
    assertThat(otherKind.err()).contains("a JDBC URL of SQLite or PostgreSQL");
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

  /**
   * A PostgreSQL that accepts the connection and never says a word: the command gives up on its
   * own (the store's login timeout), exits 1 with one line and never shows the password. The
   * JUnit timeout only keeps a regression from hanging the build.
   */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aDatabaseServerThatNeverAnswersFailsTheCommandWithOneLine() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new CopyOnWriteArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept()); // held open, never answered
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      CliHarness.Result result = run(F, "generate", "-", "--db",
          "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/parakeet?user=coach&password=hunter2-secret");
      assertThat(accepted).as("the server was reached").isNotEmpty();
      assertThat(result.exit()).isEqualTo(ExitCode.FAILURE);
      assertThat(result.err().lines().toList()).singleElement().asString()
          .startsWith("parakeet: cannot open the session store:")
          .contains("did not answer")
          .doesNotContain("hunter2-secret");
      for (Socket socket : accepted) {
        socket.close();
      }
    }
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

  @ParameterizedTest
  @ValueSource(strings = {"jdbc:sqlite:", "jdbc:sqlite::memory:", "jdbc:sqlite:file::memory:?cache=shared", "jdbc:sqlite:file:x?mode=memory"})
  void anInMemoryDatabaseIsRefusedByEveryCommandThatStores(String url) {
    for (String command : new String[] {"generate", "replay"}) {
      CliHarness.Result result = run(F + "\n", command, "-", "--db", url);
      assertThat(result.exit()).as(command + " " + url + ": " + result.err()).isEqualTo(ExitCode.REJECTED);
      assertThat(result.out()).as("nothing generated").isEmpty();
      assertThat(result.err().lines().toList()).containsExactly(
          "parakeet: --db names an in-memory SQLite database, which is gone when the command ends: nothing would be"
              + " kept. Give a file path (--db FILE), or --no-store to keep nothing",
          "see 'parakeet " + command + " --help'");
    }
    CliHarness.Result fromEnv = run(Map.of(Database.URL_VARIABLE, url), F, "generate", "-");
    assertThat(fromEnv.exit()).isEqualTo(ExitCode.REJECTED);
    assertThat(fromEnv.err()).startsWith("parakeet: PARAKEET_DB_URL names an in-memory SQLite database");
    assertThat(run(F, "generate", "-", "--db", url, "--no-store").exit()).as("nothing to store").isEqualTo(ExitCode.OK);
    assertThat(run("", "sessions", "list", "--db", url).exit()).isEqualTo(ExitCode.REJECTED);
  }

  @Test
  void readOnlyCommandsNeverCreateADatabase(@TempDir Path dir) {
    Path missing = dir.resolve("not-yet").resolve("sessions.db");
    String[][] commands = {
      {"sessions", "list", "--db", missing.toString()},
      {"sessions", "show", "sess-001", "--db", missing.toString()},
      {"sessions", "list", "--db", "jdbc:sqlite:" + missing},
      {"comparisons", "purge", "--db", missing.toString()},
    };
    for (String[] command : commands) {
      CliHarness.Result result = run("", command);
      assertThat(result.exit()).as(String.join(" ", command)).isEqualTo(ExitCode.FAILURE);
      assertThat(result.err().lines().toList()).containsExactly("parakeet: no database at " + missing);
    }
    assertThat(missing.getParent()).as("not even its directory").doesNotExist();

    CliHarness.Result byDefault = run("", "sessions", "list");
    assertThat(byDefault.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(byDefault.err()).isEqualTo("parakeet: no database at " + embedded() + "\n");
    assertThat(home.resolve(".parakeet")).doesNotExist();
  }

  @Test
  void readingOpensNothingForWriting(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sessions.db");
    assertThat(run(F, "generate", "-", "--db", file.toString()).exit()).isEqualTo(ExitCode.OK);
    Files.deleteIfExists(dir.resolve("sessions.db-open.lock"));
    byte[] before = Files.readAllBytes(file);
    assertThat(run("", "sessions", "list", "--db", file.toString()).exit()).isEqualTo(ExitCode.OK);
    assertThat(run("", "sessions", "show", "sess-001", "--db", file.toString()).exit()).isEqualTo(ExitCode.OK);
    assertThat(Files.readAllBytes(file)).as("the file is unchanged").isEqualTo(before);
    assertThat(dir.resolve("sessions.db-open.lock")).as("no lock taken for writing").doesNotExist();
  }

  /** A file (and directory) nobody may write to still lists and shows; as root, an immutable one. */
  @Test
  void aReadOnlyDatabaseStillListsAndShows(@TempDir Path dir) throws Exception {
    Path store = Files.createDirectory(dir.resolve("store"));
    Path file = store.resolve("sessions.db");
    assertThat(run(F, "generate", "-", "--db", file.toString()).exit()).isEqualTo(ExitCode.OK);
    try (ReadOnly readOnly = ReadOnly.make(store, file)) {
      assertThat(readOnly).isNotNull();
      CliHarness.Result list = run("", "sessions", "list", "--db", file.toString());
      assertThat(list.exit()).as(list.err()).isEqualTo(ExitCode.OK);
      assertThat(list.out()).contains("sess-001");
      CliHarness.Result show = run("", "sessions", "show", "sess-001", "--db", file.toString());
      assertThat(show.exit()).as(show.err()).isEqualTo(ExitCode.OK);
      assertThat(show.out()).contains("Stored session sess-001");
      CliHarness.Result write = run(F, "generate", "-", "--db", file.toString());
      assertThat(write.exit()).as("writing does fail: the file really is read-only").isEqualTo(ExitCode.FAILURE);
    }
  }

  @Test
  void listColumnsStayAlignedWhateverTheText() {
    String[] ids = {"short", "日本語のセッション-一", "😀-emoji-id", "x".repeat(150), "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67-family", "e\u0301-combining"};
    String[] lifters = {"lifter-9", "山田太郎", "l", "y".repeat(60), "-", "z"};
    for (int i = 0; i < ids.length; i++) {
      String input = F.replace("sess-001", ids[i]).replace("{", "{\"lifterId\":\"" + lifters[i] + "\",");
      assertThat(run(input, "generate", "-").exit()).isEqualTo(ExitCode.OK);
    }
    List<String> lines = run("", "sessions", "list").out().lines().toList();
    assertThat(lines).hasSize(ids.length + 1);
    int lift = columnOf(lines.get(0), "LIFT ");
    int strategy = columnOf(lines.get(0), "STRATEGY");
    for (String line : lines.subList(1, lines.size())) {
      assertThat(columnOf(line, "squat")).as(line).isEqualTo(lift);
      assertThat(columnOf(line, "formula")).as(line).isEqualTo(strategy);
    }
    assertThat(String.join("\n", lines)).contains("xxxxxxxx…").doesNotContain("x".repeat(150)).contains("yyyy…");
  }

  /**
   * The terminal column where {@code word} starts: wide (CJK, emoji) characters take two, combining
   * marks and joiners none, and what a zero-width joiner joins is part of the glyph before it.
   */
  private static int columnOf(String line, String word) {
    int index = line.indexOf(word);
    assertThat(index).as(word + " in " + line).isNotNegative();
    int column = 0;
    boolean joined = false;
    for (int i = 0; i < index; ) {
      int cp = line.codePointAt(i);
      if (!joined && Character.getType(cp) != Character.NON_SPACING_MARK && cp != 0x200D) {
        boolean wide = (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0x1F300 && cp <= 0x1FAFF);
        column += wide ? 2 : 1;
      }
      joined = cp == 0x200D;
      i += Character.charCount(cp);
    }
    return column;
  }

  @Test
  void embeddedFileIsInWalMode() throws Exception {
    run(F, "generate", "-");
    assertThat(Files.exists(embedded())).isTrue();
    assertThat(Files.readAllBytes(embedded())[18]).as("file format write version 2 = WAL").isEqualTo((byte) 2);
  }
}

package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay} prints a line only once its generation is committed: a replay killed with
 * SIGKILL in the middle of a batch has printed nothing the database does not hold whole — the
 * session row is the printed output and its history entry holds the same. The packaged jar runs
 * as its own process, as {@code ./parakeet} runs it, and is killed without warning.
 */
class ReplayKillIT {

  private static final Path JAR = Path.of(System.getProperty("parakeet.jar", "target/parakeet.jar"));
  private static final int LINES = 20_000;
  private static final int KILL_AFTER = 1_500;

  @Test
  void everyLinePrintedBeforeAKillIsStoredWhole(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("batch.ndjson");
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < LINES; i++) {
      batch.append(GenerateCommandTest.F.replace("sess-001", "kill-" + i)).append('\n');
    }
    Files.writeString(input, batch);
    Path db = dir.resolve("kill.db");

    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.home=" + dir, "-jar", JAR.toString(),
        "replay", input.toString(), "--strategy", "formula", "--db", db.toString());
    File err = dir.resolve("err.txt").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(err);
    builder.environment().put("HOME", dir.toString());
    Process process = builder.start();

    // Standard output as bytes: only what ends with a line feed is a printed line (a write cut by
    // the kill can leave a last line without its end).
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.io.InputStream stdout = process.getInputStream()) {
      byte[] buffer = new byte[8192];
      int lineFeeds = 0;
      boolean killed = false;
      for (int n; (n = stdout.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
        for (int i = 0; i < n; i++) {
          lineFeeds += buffer[i] == '\n' ? 1 : 0;
        }
        if (!killed && lineFeeds >= KILL_AFTER) {
          // SIGKILL (no shutdown hook, no flush, no close); through the handle, which leaves the
          // pipe open so that what was printed before the kill can still be read.
          process.toHandle().destroyForcibly();
          killed = true;
        }
      }
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = out.toString(StandardCharsets.UTF_8);
    List<String> printed = new ArrayList<>(List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n")));
    assertThat(process.exitValue()).as("killed, not finished: %s", Files.readString(err.toPath())).isNotZero();
    assertThat(printed.size()).as("killed mid-batch").isBetween(KILL_AFTER, LINES - 1);

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement session = c.prepareStatement(
            "SELECT jit_output, revision FROM sessions WHERE session_id = ?");
        PreparedStatement history = c.prepareStatement(
            "SELECT jit_output FROM session_generations WHERE session_id = ? ORDER BY revision")) {
      for (int i = 0; i < printed.size(); i++) {
        String sessionId = "kill-" + i;
        assertThat(printed.get(i)).contains("\"sessionId\":\"" + sessionId + "\"");
        session.setString(1, sessionId);
        try (ResultSet row = session.executeQuery()) {
          assertThat(row.next()).as("session %s printed but not stored", sessionId).isTrue();
          assertThat(row.getString("jit_output")).isEqualTo(printed.get(i));
          assertThat(row.getInt("revision")).isEqualTo(1);
        }
        history.setString(1, sessionId);
        try (ResultSet rows = history.executeQuery()) {
          assertThat(rows.next()).as("session %s stored without its history", sessionId).isTrue();
          assertThat(rows.getString(1)).isEqualTo(printed.get(i));
          assertThat(rows.next()).isFalse();
        }
      }
    }
  }
}

package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.FakeProviderServer;
import dev.parakeet.jit.fakes.KeyLeaks;
import dev.parakeet.jit.fakes.Protocol;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command line against a hostile provider that echoes its API key into the answer (a
 * rationale line the card shows, the confidence, an error message), with the sessions stored:
 * the key is on no card, in no JSON, on no standard error line, in no log line at any level and
 * in nothing the database holds.
 */
class HostileProviderCliTest {

  private static final String KEY =
      "sk-cli-h0st1le-Wq3eR5tY7uI9oP1aS3dF5gH7jK9lZ2xC4vB6nM8qW0eR2tY4uI6oP8aS0dF2gH4jK6lZ8xC0vB2nM4";
  private static final String F = GenerateCommandTest.F;
  private static final String ANSWER =
      "{\"intensityModifier\":0.88,\"setModifier\":-1,\"skipMainLift\":false,\"auxOverrides\":[],"
          + "\"rationale\":[\"Sore quads.\",\"Your key is " + Behavior.KEY + ".\"],\"confidence\":\"medium\"}";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Protocol.class, names = {"ANTHROPIC", "OPENAI"})
  void theEchoedKeyIsNeitherShownLoggedNorStored(Protocol protocol) throws Exception {
    String db = "jdbc:sqlite:" + dir.resolve("sessions.db");
    List<String> everything = new ArrayList<>();
    try (FakeProviderServer provider = FakeProviderServer.start(protocol);
        LogCapture logs = new LogCapture()) {
      Map<String, String> env = env(protocol, provider);
      provider.enqueue(
          Behavior.echoingKey(Behavior.answer(ANSWER)),
          Behavior.echoingKey(Behavior.answer(ANSWER)),
          Behavior.echoingKey(Behavior.answer(ANSWER)),
          Behavior.echoingKey(Behavior.answer(ANSWER.replace("\"medium\"", "\"" + Behavior.KEY + "\""))),
          Behavior.echoingKey(Behavior.status(401, "invalid x-api-key: " + Behavior.KEY)));

      run(everything, env, F.replace("sess-001", "llm-card"), "generate", "-", "--strategy", "llm", "--db", db);
      run(everything, env, F.replace("sess-001", "llm-json"), "generate", "-", "--strategy", "llm", "--format", "json", "--db", db);
      run(everything, env, F.replace("sess-001", "hybrid"), "generate", "-", "--strategy", "hybrid", "--db", db);
      run(everything, env, F.replace("sess-001", "bad-field"), "generate", "-", "--strategy", "llm", "--format", "json", "--db", db);
      run(everything, env, F.replace("sess-001", "bad-key") + "\n", "replay", "-", "--strategy", "llm", "--db", db);
      for (String id : List.of("llm-card", "hybrid", "bad-field", "bad-key")) {
        run(everything, env, "", "sessions", "show", id, "--db", db);
        run(everything, env, "", "sessions", "show", id, "--format", "json", "--db", db);
      }
      run(everything, env, "", "sessions", "list", "--db", db);

      assertThat(provider.requests()).hasSize(5).allSatisfy(r -> assertThat(credential(r)).isEqualTo(KEY));
      assertThat(logs.lines()).as("the failures were logged").anyMatch(l -> l.contains("bad-key"));
      everything.addAll(logs.lines());
    }
    String stored = storedText(dir.resolve("sessions.db"));
    everything.add(stored);
    for (String text : everything) {
      assertThat(KeyLeaks.find(text, KEY)).as("reveals the key:%n%s", text).isNull();
    }
    assertThat(everything.get(0)).as("the card shows the model's line, scrubbed").contains("Your key is [redacted].");
    assertThat(stored).as("the line was stored, scrubbed").contains("Your key is [redacted].");
  }

  private static Map<String, String> env(Protocol protocol, FakeProviderServer provider) {
    return protocol == Protocol.ANTHROPIC
        ? Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL", provider.baseUrl())
        : Map.of("PARAKEET_LLM_PROVIDER", "openai", "OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", provider.baseUrl());
  }

  private static void run(List<String> everything, Map<String, String> env, String stdin, String... args) {
    CliHarness.Result result = CliHarness.withEnv(env, stdin, args);
    everything.add(result.out());
    everything.add(result.err());
  }

  private static String credential(dev.parakeet.jit.fakes.RecordedRequest request) {
    String key = request.header("x-api-key");
    return key != null ? key : request.header("authorization").replaceFirst("^Bearer ", "");
  }

  /** Every value of every row of every table, as text. */
  private static String storedText(Path file) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet names = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
        while (names.next()) {
          tables.add(names.getString(1));
        }
      }
      assertThat(tables).contains("sessions", "session_generations", "jit_comparison_logs");
      for (String table : tables) {
        try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int c = 1; c <= columns; c++) {
              text.append(rows.getString(c)).append('\t');
            }
            text.append('\n');
          }
        }
      }
    }
    return text.toString();
  }
}

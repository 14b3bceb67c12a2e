package dev.parakeet.jit.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.fakes.Behavior;
import dev.parakeet.jit.fakes.FakeProviderServer;
import dev.parakeet.jit.fakes.Protocol;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing from outside reaches the terminal raw: control characters in disruption descriptions or
 * a model's rationale, line separators and bidi overrides in a session id or exercise name (the
 * input refuses control characters there), and anything a database row holds are shown escaped on
 * the card, in {@code sessions list} and {@code sessions show}, and in error messages.
 */
class TerminalEscapingTest {

  /** Retitles the terminal, clears the screen, rings, and forges a card line; then C1 CSI and a bidi override. */
  private static final String HOSTILE_JSON =
      "\\u001b]0;pwned\\u0007\\u001b[2J\\r\\nStrategy: llm (forged)\\u0000\\u009b31m\\u202etxet";

  /**
   * What an identifier may still hold (no control characters there, SPEC §1.2): a line separator
   * that some terminals break lines on, and a bidi override that reverses what follows.
   */
  private static final String HOSTILE_ID_JSON = "\\u2028Strategy: llm (forged)\\u202etxet";

  private static final String HOSTILE_ID = "s-\u2028Strategy: llm (forged)\u202etxet";

  private static final String HOSTILE_INPUT =
      "{\"sessionId\":\"s-" + HOSTILE_ID_JSON + "\",\"weekNumber\":1,\"blockNumber\":1,\"primaryLift\":\"squat\","
          + "\"intensityType\":\"heavy\",\"oneRmKg\":140,"
          + "\"activeAuxiliaries\":[\"Pause Squat" + HOSTILE_ID_JSON + "\",\"Box Squat\"],"
          + "\"activeDisruptions\":[{\"id\":\"d1\",\"disruption_type\":\"injury\",\"severity\":\"minor\","
          + "\"affected_lifts\":[\"squat\"],\"description\":\"knee " + HOSTILE_JSON + "\",\"status\":\"active\"}]}";

  @TempDir Path home;

  /** The text a terminal would act on: any control character other than the card's own line ends. */
  private static void assertInert(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = Character.getType(c) == Character.CONTROL && c != '\n';
      boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f';
      assertThat(control || bidi)
          .as("U+%04X at %d in:%n%s", (int) c, i, text)
          .isFalse();
    }
  }

  private CliHarness.Result run(Map<String, String> env, String stdin, String... args) {
    return CliHarness.inHome(home, env, stdin, args);
  }

  @Test
  void theCardListAndShowEscapeEveryControlCharacter() {
    try (FakeProviderServer anthropic = FakeProviderServer.start(Protocol.ANTHROPIC)) {
      anthropic.enqueue(Behavior.answer(
          "{\"intensityModifier\":0.9,\"setModifier\":0,\"skipMainLift\":false,\"auxOverrides\":[],"
              + "\"rationale\":[\"Sore" + HOSTILE_JSON + "\"],\"confidence\":\"medium\"}"));
      Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-test", "ANTHROPIC_BASE_URL", anthropic.baseUrl());

      CliHarness.Result card = run(env, HOSTILE_INPUT, "generate", "-", "--strategy", "llm");
      assertThat(card.exit()).as(card.err()).isEqualTo(ExitCode.OK);
      assertInert(card.out());
      assertInert(card.err());
      assertThat(card.out().lines().filter(l -> l.startsWith("Strategy:"))).as("no forged line").hasSize(1);
      assertThat(card.out())
          .contains("Session s-\\u2028Strategy: llm (forged)\\u202etxet")
          .contains("Sore\\x1b]0;pwned")
          .contains("Pause Squat\\u2028Strategy: llm (forged)\\u202etxet");

      CliHarness.Result list = run(Map.of(), "", "sessions", "list");
      assertThat(list.exit()).as(list.err()).isEqualTo(ExitCode.OK);
      assertInert(list.out());
      assertThat(list.out().lines()).as("a header and one row").hasSize(2);

      String id = HOSTILE_ID;
      CliHarness.Result show = run(Map.of(), "", "sessions", "show", id);
      assertThat(show.exit()).as(show.err()).isEqualTo(ExitCode.OK);
      assertInert(show.out());
      assertThat(show.out().lines().filter(l -> l.startsWith("Strategy:"))).hasSize(1);

      CliHarness.Result missing = run(Map.of(), "", "sessions", "show", id + "-missing");
      assertThat(missing.exit()).isEqualTo(ExitCode.FAILURE);
      assertInert(missing.err());
      assertThat(missing.err().lines()).hasSize(1);
    }
  }

  @Test
  void aDisruptionDescriptionCannotForgeLines() {
    CliHarness.Result card = run(Map.of(), HOSTILE_INPUT, "generate", "-", "--no-store");
    assertThat(card.exit()).as(card.err()).isEqualTo(ExitCode.OK);
    assertInert(card.out());
    assertThat(card.out()).contains("knee \\x1b]0;pwned");
    assertThat(card.out().lines().filter(l -> l.startsWith("Strategy:"))).hasSize(1);
  }

  /**
   * A database is outside too: rows written by another program (or an older version that let
   * control characters into identifiers) are listed and shown inert.
   */
  @Test
  void storedRowsWithControlCharactersAreListedAndShownInert() {
    String id = "s-\u001b]0;pwned\u0007\r\nStrategy: llm (forged)\u0000\u009b31m";
    JitInput input =
        Fixtures.f().sessionId(id).activeAuxiliaries(List.of("Pause Squat\u001b[2J", "Box Squat")).build();
    JitOutput output = Fixtures.formula().generate(input);
    try (Database db = Database.open("jdbc:sqlite:" + home.resolve(".parakeet/parakeet.db"), Fixtures.CLOCK)) {
      db.sessions().record(GenerationToStore.of(JitJson.write(input), input, output));
    }

    CliHarness.Result list = run(Map.of(), "", "sessions", "list");
    assertThat(list.exit()).as(list.err()).isEqualTo(ExitCode.OK);
    assertInert(list.out());
    assertThat(list.out().lines()).as("a header and one row").hasSize(2);

    CliHarness.Result show = run(Map.of(), "", "sessions", "show", id);
    assertThat(show.exit()).as(show.err()).isEqualTo(ExitCode.OK);
    assertInert(show.out());
    assertThat(show.out().lines().filter(l -> l.startsWith("Strategy:"))).hasSize(1);
    assertThat(show.out()).contains("Pause Squat\\x1b[2J");
  }

  @Test
  void rejectionsAndNotesAreEscapedToo() {
    String bad = GenerateCommandTest.F.replace("\"squat\"", "\"squat" + HOSTILE_JSON + "\"")
        .replace("{", "{\"x" + HOSTILE_JSON + "\":1,");
    CliHarness.Result rejected = run(Map.of(), bad, "generate", "-");
    assertThat(rejected.exit()).isEqualTo(ExitCode.REJECTED);
    assertInert(rejected.err());

    CliHarness.Result noted = run(Map.of(), GenerateCommandTest.F.replace("{", "{\"x" + HOSTILE_JSON + "\":1,"), "generate", "-", "--no-store");
    assertThat(noted.exit()).isEqualTo(ExitCode.OK);
    assertThat(noted.err()).contains("unrecognised fields kept");
    assertInert(noted.err());
  }
}

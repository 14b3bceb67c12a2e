package dev.parakeet.jit.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.HistoryEntry;
import dev.parakeet.jit.store.SessionSummary;
import dev.parakeet.jit.store.StoredDecision;
import dev.parakeet.jit.store.StoredSession;
import dev.parakeet.jit.wire.JitJson;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code parakeet sessions show ID | list}: what was stored, with its history. */
@Command(
    name = "sessions",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = "Shows stored sessions and their generation history.",
    subcommands = {SessionsCommand.Show.class, SessionsCommand.ListSessions.class})
final class SessionsCommand implements Runnable {

  @ParentCommand ParakeetCommand parent;

  @Override
  public void run() {
    throw CommandFailure.usage("sessions needs a subcommand: show ID, or list");
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      addMethodSubcommands = false,
      description = "Shows one stored session with its history.")
  static final class Show implements Callable<Integer> {

    @ParentCommand SessionsCommand sessions;

    @Parameters(paramLabel = "ID", description = "The session id.")
    String sessionId;

    @Mixin DatabaseOption db;

    @Option(
        names = "--format",
        paramLabel = "text|json",
        defaultValue = "text",
        converter = OptionValues.Format.class,
        description = "text: the latest session card and the history (default); json: everything stored.")
    OutputFormat format;

    @Override
    public Integer call() {
      ParakeetCommand root = sessions.parent;
      Optional<StoredSession> found;
      List<StoredDecision> decisions;
      try (Database database = root.database(db, SessionStore.Use.READ)) {
        found = database.sessions().find(sessionId);
        decisions = found.isEmpty() ? List.of() : database.decisions().forSession(sessionId);
      }
      if (found.isEmpty()) {
        throw CommandFailure.failed("no stored session \"" + sessionId + "\"", null);
      }
      StoredSession session = found.get();
      PrintStream out = root.console.out();
      if (format == OutputFormat.JSON) {
        out.println(JitJson.writePretty(json(session, decisions)));
      } else {
        out.print(text(root, session, decisions));
      }
      return ExitCode.OK;
    }

    private static String text(ParakeetCommand root, StoredSession session, List<StoredDecision> decisions) {
      // Shown as it was stored: a snapshot from an older version is not re-validated.
      JitInput input = JitJson.readStoredInput(session.inputSnapshotJson());
      JitOutput output = JitJson.readOutput(session.outputJson());
      TextBlock text = new TextBlock();
      text.line("Stored session " + session.sessionId()
          + (session.lifterId() == null ? "" : " · lifter " + session.lifterId()));
      int generations = session.history().size();
      text.line("Status " + session.status() + " · " + generations
          + (generations == 1 ? " generation" : " generations")
          + " · first stored " + UtcTime.seconds(session.createdAt())
          + " · last " + UtcTime.seconds(session.updatedAt()));
      text.blank();
      text.append(SessionCard.block(input, output));
      text.blank().line("HISTORY (oldest first)");
      TextTable history =
          new TextTable("  ",
              new TextTable.Column("rev", 6),
              new TextTable.Column("generated", 23),
              new TextTable.Column("strategy", 16),
              new TextTable.Column("main lift", 40));
      for (HistoryEntry entry : session.history()) {
        JitOutput generation = JitJson.readOutput(entry.outputJson());
        history.row(Integer.toString(entry.revision()), UtcTime.seconds(entry.generatedAt()),
            entry.jitStrategy(), SessionCard.mainSets(generation, "skipped"));
      }
      text.append(history.render());
      if (!decisions.isEmpty()) {
        text.blank().line("MODEL DECISIONS");
        for (StoredDecision d : decisions) {
          text.line("rev " + d.revision() + "  " + d.outcome() + " · " + d.provider() + "/" + d.model()
              + " · prompt " + d.promptVersion() + " · " + d.latencyMs() + " ms"
              + (d.inputTokens() == null && d.outputTokens() == null
                  ? ""
                  : " · tokens " + tokens(d.inputTokens()) + " in / " + tokens(d.outputTokens()) + " out"));
          if (d.failureReason() != null) {
            text.line("      " + d.failureReason());
          }
        }
      }
      return text.toString();
    }

    private static String tokens(Integer count) {
      return count == null ? "?" : count.toString();
    }

    private static ObjectNode json(StoredSession session, List<StoredDecision> decisions) {
      ObjectNode json = StoredJson.session(session);
      json.set("history", StoredJson.history(session, decisions));
      return json;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      addMethodSubcommands = false,
      description = "Lists stored sessions, most recently updated first.")
  static final class ListSessions implements Callable<Integer> {

    @ParentCommand SessionsCommand sessions;

    @Mixin DatabaseOption db;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "50",
        converter = Bounds.Limit.class,
        description = "At most N sessions, 1 to 10000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      ParakeetCommand root = sessions.parent;
      List<SessionSummary> summaries;
      String where;
      try (Database database = root.database(db, SessionStore.Use.READ)) {
        summaries = database.sessions().list(limit);
        where = database.describe();
      }
      PrintStream out = root.console.out();
      if (summaries.isEmpty()) {
        out.print(new TextBlock().line("No stored sessions in " + where + "."));
        return ExitCode.OK;
      }
      // Ids and lifters are free text: their columns grow to fit, up to a limit, then are cut.
      TextTable table =
          new TextTable("",
              new TextTable.Column("SESSION", 28),
              new TextTable.Column("LIFTER", 16),
              new TextTable.Column("LIFT", 8),
              new TextTable.Column("DAY", 30),
              new TextTable.Column("STRATEGY", 16),
              new TextTable.Column("GENERATED", 23),
              new TextTable.Column("GENERATIONS", 11));
      for (SessionSummary s : summaries) {
        table.row(s.sessionId(), s.lifterId() == null ? "-" : s.lifterId(), s.primaryLift(),
            SessionCard.day(s.intensityType(), s.blockNumber(), s.weekNumber()), s.jitStrategy(),
            UtcTime.seconds(s.jitGeneratedAt()), Integer.toString(s.generations()));
      }
      out.print(table.render());
      return ExitCode.OK;
    }
  }
}

package dev.parakeet.jit.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.HistoryEntry;
import dev.parakeet.jit.store.SessionSummary;
import dev.parakeet.jit.store.StoredSession;
import dev.parakeet.jit.wire.JitJson;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
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
    description = "Shows stored sessions and their generation history.",
    subcommands = {SessionsCommand.Show.class, SessionsCommand.ListSessions.class})
final class SessionsCommand implements Runnable {

  @ParentCommand ParakeetCommand parent;

  @Override
  public void run() {
    throw CommandFailure.rejected("sessions needs a subcommand: show ID, or list");
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one stored session with its history.")
  static final class Show implements Callable<Integer> {

    @ParentCommand SessionsCommand sessions;

    @Parameters(paramLabel = "ID", description = "The session id.")
    String sessionId;

    @Mixin DatabaseOption db;

    @Option(
        names = "--format",
        paramLabel = "text|json",
        defaultValue = "text",
        description = "text: the latest session card and the history (default); json: everything stored.")
    OutputFormat format;

    @Override
    public Integer call() {
      ParakeetCommand root = sessions.parent;
      Optional<StoredSession> found;
      try (Database database = root.database(db)) {
        found = database.sessions().find(sessionId);
      }
      if (found.isEmpty()) {
        throw new CommandFailure(ExitCode.FAILURE, "no stored session \"" + sessionId + "\"", null);
      }
      StoredSession session = found.get();
      PrintStream out = root.console.out();
      if (format == OutputFormat.JSON) {
        out.println(JitJson.writePretty(json(session)));
      } else {
        out.print(text(root, session));
      }
      return ExitCode.OK;
    }

    private static String text(ParakeetCommand root, StoredSession session) {
      JitInput input = root.reader().read(session.inputSnapshotJson()).input();
      JitOutput output = JitJson.readOutput(session.outputJson());
      StringBuilder text = new StringBuilder();
      text.append("Stored session ").append(session.sessionId());
      if (session.lifterId() != null) {
        text.append(" · lifter ").append(session.lifterId());
      }
      text.append("\nStatus ").append(session.status()).append(" · ")
          .append(session.history().size()).append(session.history().size() == 1 ? " generation" : " generations")
          .append(" · first stored ").append(UtcTime.seconds(session.createdAt()))
          .append(" · last ").append(UtcTime.seconds(session.updatedAt())).append("\n\n");
      text.append(SessionCard.render(input, output));
      text.append("\nHISTORY (oldest first)\n");
      text.append(String.format(Locale.ROOT, "  %3s  %-24s %-17s %s%n", "rev", "generated", "strategy", "main lift"));
      for (HistoryEntry entry : session.history()) {
        JitOutput generation = JitJson.readOutput(entry.outputJson());
        text.append(String.format(Locale.ROOT, "  %3d  %-24s %-17s %s%n",
            entry.revision(), UtcTime.seconds(entry.generatedAt()), entry.jitStrategy(), SessionCard.mainSets(generation, "skipped")));
      }
      return text.toString();
    }

    private static ObjectNode json(StoredSession session) {
      ObjectNode json = JitJson.mapper().createObjectNode();
      json.put("sessionId", session.sessionId());
      json.put("lifterId", session.lifterId());
      json.put("weekNumber", session.weekNumber());
      json.put("blockNumber", session.blockNumber());
      json.put("primaryLift", session.primaryLift());
      json.put("intensityType", session.intensityType());
      json.put("deload", session.deload());
      json.put("status", session.status());
      json.put("jit_strategy", session.jitStrategy());
      json.put("jit_generated_at", session.jitGeneratedAt().toString());
      json.set("planned_sets", JitJson.readTree(session.plannedSetsJson()));
      json.set("jit_input_snapshot", JitJson.readTree(session.inputSnapshotJson()));
      json.set("output", JitJson.readTree(session.outputJson()));
      json.put("createdAt", session.createdAt().toString());
      json.put("updatedAt", session.updatedAt().toString());
      ArrayNode history = json.putArray("history");
      for (HistoryEntry entry : session.history()) {
        ObjectNode generation = history.addObject();
        generation.put("revision", entry.revision());
        generation.put("generatedAt", entry.generatedAt().toString());
        generation.put("recordedAt", entry.recordedAt().toString());
        generation.put("jit_strategy", entry.jitStrategy());
        generation.set("jit_input_snapshot", JitJson.readTree(entry.inputSnapshotJson()));
        generation.set("output", JitJson.readTree(entry.outputJson()));
      }
      return json;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists stored sessions, most recently updated first.")
  static final class ListSessions implements Callable<Integer> {

    @ParentCommand SessionsCommand sessions;

    @Mixin DatabaseOption db;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N sessions (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      if (limit < 1) {
        throw CommandFailure.rejected("--limit must be at least 1, was " + limit);
      }
      ParakeetCommand root = sessions.parent;
      List<SessionSummary> summaries;
      String where;
      try (Database database = root.database(db)) {
        summaries = database.sessions().list(limit);
        where = database.describe();
      }
      PrintStream out = root.console.out();
      if (summaries.isEmpty()) {
        out.println("No stored sessions in " + where + ".");
        return ExitCode.OK;
      }
      out.printf(Locale.ROOT, "%-24s %-12s %-9s %-22s %-17s %-24s %s%n",
          "SESSION", "LIFTER", "LIFT", "DAY", "STRATEGY", "GENERATED", "GENERATIONS");
      for (SessionSummary s : summaries) {
        String day = SessionCard.day(s.intensityType(), s.blockNumber(), s.weekNumber());
        out.printf(Locale.ROOT, "%-24s %-12s %-9s %-22s %-17s %-24s %d%n",
            s.sessionId(), s.lifterId() == null ? "-" : s.lifterId(), s.primaryLift(), day,
            s.jitStrategy(), UtcTime.seconds(s.jitGeneratedAt()), s.generations());
      }
      return ExitCode.OK;
    }
  }
}

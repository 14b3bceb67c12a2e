package dev.parakeet.jit.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate JVM that records generations into a database, for the tests that need a second
 * process: one killed with SIGKILL while it writes, two writing to one SQLite file at once.
 *
 * <p>Arguments: {@code JDBC_URL PREFIX COUNT MODE [--wait-for-go]}. COUNT -1 writes until killed.
 * MODE {@code single} regenerates the session {@code PREFIX} over and over; {@code mixed}
 * alternates between the session {@code shared} and the sessions {@code PREFIX-0..4}. With the
 * suffix {@code -batch} ({@code single-batch}, {@code mixed-batch}) the same generations go through
 * one {@link SessionBatch} (small groups, so that a kill lands in every phase of one), and a line is
 * printed when the batch reports it committed — as {@code replay} prints. With the suffix {@code
 * -one} ({@code single-one}, {@code mixed-one}) the store is opened on one connection, as {@code
 * generate} opens it ({@link Database#openOneConnection}). It prints {@code ready}
 * once the database is open, {@code recorded SESSION REVISION} after every commit (so the parent
 * knows what was acknowledged; in {@code mixed-batch} the revision is the line's number, since
 * another process shares the session) and {@code done N} at the end; any failure goes to standard
 * error and exit status 1.
 */
public final class WriterProcess {

  private static final int VARIANTS = 16;

  private WriterProcess() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    boolean mixed = args[3].startsWith("mixed");
    boolean batched = args[3].endsWith("-batch");
    boolean oneConnection = args[3].endsWith("-one");
    boolean waitForGo = args.length > 4 && args[4].equals("--wait-for-go");
    try (Database db = oneConnection
        ? Database.openOneConnection(url, java.time.Clock.systemUTC())
        : Database.open(url)) {
      // Built before the loop, so that the loop is nothing but writes.
      List<GenerationToStore> shared = variants("shared");
      List<List<GenerationToStore>> own = new ArrayList<>();
      for (int s = 0; s < (mixed ? 5 : 1); s++) {
        own.add(variants(mixed ? prefix + "-" + s : prefix));
      }
      say("ready");
      if (waitForGo) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("go")) {
          // wait for the parent to start every writer at once
        }
      }
      if (batched) {
        // Only this process writes PREFIX in single mode: its revisions follow on from what is there.
        int before = mixed ? 0 : db.sessions().find(prefix).map(s -> s.history().size()).orElse(0);
        BatchPolicy policy = new BatchPolicy(20, java.time.Duration.ofMillis(10), 40);
        try (SessionBatch<String> batch =
            db.sessions().batch(policy, tickets -> tickets.forEach(WriterProcess::say))) {
          for (int i = 0; count < 0 || i < count; i++) {
            GenerationToStore next = next(mixed, shared, own, i);
            batch.add(next, "recorded " + next.input().sessionId() + " " + (mixed ? i + 1 : before + i + 1));
          }
        }
      } else {
        for (int i = 0; count < 0 || i < count; i++) {
          StoredGeneration stored = db.sessions().record(next(mixed, shared, own, i));
          say("recorded " + stored.sessionId() + " " + stored.revision());
        }
      }
      say("done " + count);
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
  }

  private static GenerationToStore next(
      boolean mixed, List<GenerationToStore> shared, List<List<GenerationToStore>> own, int i) {
    return !mixed ? own.get(0).get(i % VARIANTS)
        : i % 2 == 0 ? shared.get(i % VARIANTS)
        : own.get((i / 2) % 5).get(i % VARIANTS);
  }

  private static List<GenerationToStore> variants(String sessionId) {
    List<GenerationToStore> list = new ArrayList<>();
    for (int v = 0; v < VARIANTS; v++) {
      list.add(Generations.of(sessionId, v));
    }
    return list;
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
    // PrintStream swallows write errors: a parent that stopped listening must not go unnoticed,
    // or the generations written after that would look unacknowledged.
    if (System.out.checkError()) {
      System.err.println("standard output is broken after: " + line);
      System.exit(3);
    }
  }
}

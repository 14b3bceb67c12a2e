package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing half-written: a separate JVM regenerates one session in a tight loop on a SQLite file
 * and is killed with SIGKILL at random moments (seeded, so a failure can be replayed). After each
 * kill the database is reopened — which is also SQLite's recovery of the WAL — and must hold a
 * session row equal to the last history entry, consecutive revisions from 1, every acknowledged
 * generation, and only outputs that parse. The same with a {@link SessionBatch}, which prints a
 * generation only once its group is committed: then up to a whole group may be committed and not
 * yet printed, but nothing printed is ever missing.
 */
class CrashRecoveryTest {

  private static final int KILLS_PER_SEED = 4;
  private static final int MAX_KILL_DELAY_MS = 400;
  private static final String SESSION = "crash-session";

  @TempDir Path tempDir;

  /** The child's batch policy commits at most this many generations at once. */
  private static final int BATCH_GROUP = 20;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 23, 47})
  void killedWritersNeverLeaveAHalfWrittenGeneration(long seed) throws Exception {
    killRepeatedly(seed, "single", 1);
  }

  /** As {@code generate} writes: on one connection, no pool. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {13})
  void killedOneConnectionWritersNeverLeaveAHalfWrittenGeneration(long seed) throws Exception {
    killRepeatedly(seed, "single-one", 1);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {5, 31})
  void killedBatchWritersLoseNothingTheyPrintedAndNeverHalfAGeneration(long seed) throws Exception {
    killRepeatedly(seed, "single-batch", BATCH_GROUP);
  }

  /** {@code unacknowledged}: how many generations may be committed and not yet printed. */
  private void killRepeatedly(long seed, String mode, int unacknowledged) throws Exception {
    Random random = new Random(seed);
    String url = "jdbc:sqlite:" + tempDir.resolve("crash-" + mode + "-" + seed + ".db");
    int acknowledged = 0;
    for (int kill = 0; kill < KILLS_PER_SEED; kill++) {
      ChildJvm child = ChildJvm.start(tempDir, mode + "-" + seed + "-" + kill, url, SESSION, "-1", mode);
      assertThat(child.awaitReady(120)).as("child ready; stderr:%n%s", child.err()).isTrue();
      // Wait until the writer is in its loop (a fresh JVM's first write is slow), then kill it at a
      // random moment of that loop: most moments are inside a transaction.
      assertThat(child.awaitFirstRecord(60)).as("first record; stderr:%n%s", child.err()).isTrue();
      Thread.sleep(random.nextInt(MAX_KILL_DELAY_MS + 1));
      child.kill();
      assertThat(child.err()).as("child stderr").doesNotContain("Exception");

      acknowledged = Math.max(acknowledged, child.lastAcknowledgedRevision());
      int revisions = checkConsistent(url, acknowledged, unacknowledged, child.tail());
      acknowledged = revisions;
    }
    assertThat(acknowledged).isPositive();
  }

  /** Returns the number of generations found. */
  private static int checkConsistent(String url, int acknowledged, int unacknowledged, String childTail) {
    try (Database db = Database.open(url)) {
      assertThat(integrityCheck(db)).isEqualTo("ok");
      StoredSession session = db.sessions().find(SESSION).orElseThrow();
      int n = session.history().size();

      // Every generation the writer reported as committed is there; at most one more (committed,
      // then killed before it could say so), or one group more for a batch.
      assertThat(n).as("generations found; the writer's last lines:%n%s", childTail)
          .isBetween(acknowledged, acknowledged + unacknowledged);
      assertThat(session.history()).extracting(HistoryEntry::revision)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, n).boxed().toList());
      assertThat(rowRevision(db)).isEqualTo(n);

      HistoryEntry last = session.history().get(n - 1);
      assertThat(JitJson.readOutput(session.outputJson())).isNotNull();
      assertThat(session.outputJson()).isEqualTo(last.outputJson());
      assertThat(session.plannedSetsJson()).isEqualTo(last.plannedSetsJson());
      assertThat(session.inputSnapshotJson()).isEqualTo(last.inputSnapshotJson());
      assertThat(session.jitGeneratedAt()).isEqualTo(last.generatedAt());
      assertThat(session.updatedAt()).isEqualTo(last.recordedAt());
      for (HistoryEntry entry : session.history()) {
        assertThat(JitJson.readOutput(entry.outputJson()).sessionId()).isEqualTo(SESSION);
      }
      return n;
    }
  }

  private static String integrityCheck(Database db) {
    return db.jdbi().withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one());
  }

  private static int rowRevision(Database db) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT revision FROM sessions WHERE session_id = :id")
        .bind("id", SESSION).mapTo(Integer.class).one());
  }
}

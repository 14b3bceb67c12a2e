package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs writing 200 generations each to one SQLite file at the same moment — both also create
 * the file and migrate it at the same moment. Everything lands, neither sees "database is locked",
 * and the session both of them regenerate has consecutive revisions.
 */
class TwoProcessTest {

  private static final int PER_PROCESS = 200;

  @TempDir Path tempDir;

  @Test
  void twoProcessesWritingToOneFileBothLandEverything() throws Exception {
    twoWriters("mixed", "mixed");
  }

  /** One process records generation by generation, the other in batches, on the same sessions. */
  @Test
  void aBatchAndASingleWriterOnOneFileBothLandEverything() throws Exception {
    twoWriters("mixed", "mixed-batch");
  }

  /** {@code generate}'s one connection beside a pool, on the same sessions. */
  @Test
  void aOneConnectionWriterBesideAPooledOneBothLandEverything() throws Exception {
    twoWriters("mixed-one", "mixed");
  }

  private void twoWriters(String mode1, String mode2) throws Exception {
    String url = "jdbc:sqlite:" + tempDir.resolve("shared.db");
    List<ChildJvm> children = List.of(
        ChildJvm.start(tempDir, "p1", url, "p1", String.valueOf(PER_PROCESS), mode1, "--wait-for-go"),
        ChildJvm.start(tempDir, "p2", url, "p2", String.valueOf(PER_PROCESS), mode2, "--wait-for-go"));
    for (ChildJvm child : children) {
      assertThat(child.awaitReady(120)).as("child ready; stderr:%n%s", child.err()).isTrue();
    }
    for (ChildJvm child : children) {
      child.send("go");
    }
    for (ChildJvm child : children) {
      assertThat(child.waitForExit(300)).as("exit status; stderr:%n%s", child.err()).isZero();
      // A "database busy ... retrying" warning would be allowed (the retry is the backstop and the
      // caller never sees it); an exception is not.
      assertThat(child.err()).doesNotContain("Exception");
      assertThat(child.out()).last().isEqualTo("done " + PER_PROCESS);
      assertThat(child.out()).filteredOn(line -> line.startsWith("recorded ")).hasSize(PER_PROCESS);
    }

    try (Database db = Database.open(url)) {
      long total = db.jdbi().withHandle(h ->
          h.createQuery("SELECT COUNT(*) FROM session_generations").mapTo(Long.class).one());
      assertThat(total).isEqualTo(2L * PER_PROCESS);

      // Half of each process's writes regenerate the one session they share.
      StoredSession shared = db.sessions().find("shared").orElseThrow();
      assertThat(shared.history()).extracting(HistoryEntry::revision)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, PER_PROCESS).boxed().toList());
      assertThat(shared.outputJson()).isEqualTo(shared.history().get(PER_PROCESS - 1).outputJson());

      for (String prefix : List.of("p1", "p2")) {
        int own = IntStream.range(0, 5)
            .map(s -> db.sessions().find(prefix + "-" + s).orElseThrow().history().size())
            .sum();
        assertThat(own).as(prefix).isEqualTo(PER_PROCESS / 2);
      }
    }
  }
}

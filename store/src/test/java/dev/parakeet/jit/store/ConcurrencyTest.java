package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many writers on one {@link Database}: every generation lands, with no "database is locked", and
 * a session regenerated from every thread at once still gets consecutive revisions.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ConcurrencyTest {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 50;

  private final Backend backend;
  @TempDir Path tempDir;
  private Backend.TestDatabase test;

  ConcurrencyTest(Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void open() {
    test = backend.open(tempDir, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    test.close();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void eightThreadsTimesFiftyGenerationsAllLand() throws Exception {
    SessionRepository sessions = test.db().sessions();
    CountDownLatch start = new CountDownLatch(1);
    Set<Integer> sharedRevisions = ConcurrentHashMap.newKeySet();
    Set<Long> ids = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < PER_THREAD; i++) {
            // Half on the thread's own session, half on one session every thread regenerates.
            boolean shared = i % 2 == 0;
            String sessionId = shared ? "shared" : "own-" + thread;
            StoredGeneration stored = sessions.record(Generations.of(sessionId, thread * 1000 + i));
            ids.add(stored.generationId());
            if (shared) {
              sharedRevisions.add(stored.revision());
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(); // rethrows any StoreException ("database is locked" included)
      }
    } finally {
      pool.shutdownNow();
    }

    int total = THREADS * PER_THREAD;
    assertThat(ids).hasSize(total);
    assertThat(sharedRevisions).containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(1, total / 2).boxed().toList());
    StoredSession shared = sessions.find("shared").orElseThrow();
    assertThat(shared.history()).extracting(HistoryEntry::revision)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, total / 2).boxed().toList());
    assertThat(shared.outputJson()).isEqualTo(shared.history().get(total / 2 - 1).outputJson());
    for (int t = 0; t < THREADS; t++) {
      assertThat(sessions.find("own-" + t).orElseThrow().history()).hasSize(PER_THREAD / 2);
    }
    assertThat(sessions.list(100).stream().mapToInt(SessionSummary::generations).sum())
        .isEqualTo(total);
  }
}

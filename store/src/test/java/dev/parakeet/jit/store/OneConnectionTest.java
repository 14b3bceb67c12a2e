package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.engine.model.JitInput;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store opened on one connection ({@link Database#openOneConnection}, as {@code generate} opens
 * it) writes what a pooled one writes, and its threads take turns with the connection. On SQLite
 * and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class OneConnectionTest {

  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

  private final Backend backend;
  @TempDir Path tempDir;

  OneConnectionTest(Backend backend) {
    this.backend = backend;
  }

  @Test
  void theSameGenerationsLeaveTheSameRowsAsOnAPool() {
    assertThat(recordAndRead(url -> Database.openOneConnection(url, new TestClock(T0))))
        .isEqualTo(recordAndRead(url -> Database.open(url, new TestClock(T0))));
  }

  /** Two generations of one session (with a model's decision), another lifter's refused. */
  private List<Object> recordAndRead(java.util.function.Function<String, Database> opening) {
    String url = backend.newUrl(tempDir.resolve(String.valueOf(System.nanoTime())));
    try (Database db = opening.apply(url)) {
      JitInput input = Generations.input("sess-1", 1).lifterId("lifter-1").build();
      List<Object> seen = new ArrayList<>();
      seen.add(db.sessions().record(Generations.of(input, 1, "lifter-1")
          .withDecision(DecisionRepositoryTest.timedOut())));
      seen.add(db.sessions().record(Generations.of(input, 2, "lifter-1")
          .withDecision(DecisionRepositoryTest.used(T0.minusSeconds(1)))));
      assertThatThrownBy(() -> db.sessions().record(Generations.of(input, 3, "lifter-2")))
          .isInstanceOf(OwnerConflictException.class);
      seen.add(db.sessions().find("sess-1").orElseThrow());
      seen.add(db.decisions().forSession("sess-1"));
      seen.add(db.sessions().list(10));
      return seen;
    } finally {
      backend.discard(url);
    }
  }

  @Test
  void threadsTakeTurnsWithTheConnection() throws Exception {
    String url = backend.newUrl(tempDir);
    try (Database db = Database.openOneConnection(url, new TestClock(T0))) {
      ExecutorService threads = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int thread = t;
          done.add(threads.submit(() -> {
            for (int i = 0; i < 5; i++) {
              db.sessions().record(Generations.of("sess-" + thread + "-" + i, i));
              assertThat(db.sessions().find("sess-" + thread + "-" + i)).isPresent();
            }
            return null;
          }));
        }
        for (Future<?> each : done) {
          each.get();
        }
      } finally {
        threads.shutdownNow();
      }
      assertThat(db.sessions().list(100)).hasSize(20);
    } finally {
      backend.discard(url);
    }
  }

  @Test
  void aClosedStoreRefusesWork() {
    String url = backend.newUrl(tempDir);
    try {
      Database db = Database.openOneConnection(url, new TestClock(T0));
      db.close();
      assertThatThrownBy(() -> db.sessions().record(Generations.of("sess-1", 1)))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("the store is closed");
    } finally {
      backend.discard(url);
    }
  }
}

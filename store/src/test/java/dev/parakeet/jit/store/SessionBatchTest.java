package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Batches (SPEC §8 "Order"): many generations in input order, grouped in transactions, each item
 * reported once committed; on SQLite and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionBatchTest {

  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

  private final Backend backend;
  @TempDir Path tempDir;
  private Backend.TestDatabase test;
  private Database db;

  SessionBatchTest(Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void open() {
    test = backend.open(tempDir, new TestClock(T0));
    db = test.db();
  }

  @AfterEach
  void close() {
    test.close();
  }

  /** What a listener heard, in order; and whether each committed ticket was visible when heard. */
  private final class Recorder implements BatchListener<String> {
    final List<String> committed = Collections.synchronizedList(new ArrayList<>());
    final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    final AtomicReference<String> failedTicket = new AtomicReference<>();
    final Map<String, Integer> expectedRevision = new LinkedHashMap<>();
    volatile String invisible;

    @Override
    public void committed(List<String> tickets) {
      calls.add(List.copyOf(tickets));
      for (String ticket : tickets) {
        Integer revision = expectedRevision.get(ticket);
        // Read on another connection: a committed generation is there for everyone.
        if (revision != null && db.sessions().find(ticket.split("#")[0]).orElseThrow().history().size() < revision) {
          invisible = ticket;
        }
      }
      committed.addAll(tickets);
    }

    @Override
    public void failed(String ticket, StoreException failure) {
      failedTicket.set(ticket);
    }
  }

  @Test
  void regenerationsInOneBatchLandInInputOrderAndEachItemIsReportedOnceCommitted() {
    // A session regenerated four times among others, in groups of three: the repeats cross
    // transactions and share them.
    List<String> order = List.of("a", "b", "a", "a", "c", "pass", "b", "a", "d");
    Recorder recorder = new Recorder();
    Map<String, List<GenerationToStore>> bySession = new LinkedHashMap<>();
    List<String> tickets = new ArrayList<>();
    try (SessionBatch<String> batch =
        db.sessions().batch(new BatchPolicy(3, Duration.ofSeconds(30), 3), recorder)) {
      for (int i = 0; i < order.size(); i++) {
        String id = order.get(i);
        String ticket = id + "#" + i;
        tickets.add(ticket);
        if (id.equals("pass")) {
          batch.pass(ticket);
          continue;
        }
        GenerationToStore generation = Generations.of(id, i);
        List<GenerationToStore> generations = bySession.computeIfAbsent(id, k -> new ArrayList<>());
        generations.add(generation);
        recorder.expectedRevision.put(ticket, generations.size());
        batch.add(generation, ticket);
      }
    }

    assertThat(recorder.committed).containsExactlyElementsOf(tickets);
    assertThat(recorder.calls).allSatisfy(call -> assertThat(call.size()).isBetween(1, 3));
    assertThat(recorder.invisible).as("reported before it was visible").isNull();
    assertThat(recorder.failedTicket).hasValue(null);
    for (Map.Entry<String, List<GenerationToStore>> entry : bySession.entrySet()) {
      StoredSession session = db.sessions().find(entry.getKey()).orElseThrow();
      List<GenerationToStore> expected = entry.getValue();
      assertThat(session.history()).extracting(HistoryEntry::revision)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, expected.size()).boxed().toList());
      assertThat(session.history()).extracting(h -> JitJson.readOutput(h.outputJson()))
          .containsExactlyElementsOf(expected.stream().map(GenerationToStore::output).toList());
      // The last added is the latest: the row, and its updated_at.
      assertThat(JitJson.readOutput(session.outputJson())).isEqualTo(expected.get(expected.size() - 1).output());
      assertThat(session.updatedAt()).isEqualTo(session.history().get(expected.size() - 1).recordedAt());
    }
    // Newest first follows the input: d was added last, then a, then b.
    assertThat(db.sessions().list(10)).extracting(SessionSummary::sessionId)
        .containsExactly("d", "a", "b", "c");
  }

  @Test
  void aBigShuffledBatchKeepsEverySessionsOrder() {
    Random random = new Random(7);
    Recorder recorder = new Recorder();
    Map<String, List<GenerationToStore>> bySession = new LinkedHashMap<>();
    int count = 1_500;
    long started = System.nanoTime();
    try (SessionBatch<String> batch = db.sessions().batch(BatchPolicy.DEFAULT, recorder)) {
      for (int i = 0; i < count; i++) {
        String id = "s-" + random.nextInt(200);
        GenerationToStore generation = Generations.of(id, i);
        bySession.computeIfAbsent(id, k -> new ArrayList<>()).add(generation);
        batch.add(generation, id + "#" + i);
      }
    }
    System.err.printf("batch of %d on %s: %d ms%n", count, backend, (System.nanoTime() - started) / 1_000_000);
    assertThat(recorder.committed).hasSize(count);
    long stored = db.jdbi().withHandle(h ->
        h.createQuery("SELECT COUNT(*) FROM session_generations").mapTo(Long.class).one());
    assertThat(stored).isEqualTo(count);
    for (Map.Entry<String, List<GenerationToStore>> entry : bySession.entrySet()) {
      List<HistoryEntry> history = db.sessions().find(entry.getKey()).orElseThrow().history();
      assertThat(history).extracting(h -> JitJson.readOutput(h.outputJson()).generatedAt())
          .as(entry.getKey())
          .containsExactlyElementsOf(entry.getValue().stream().map(g -> g.output().generatedAt()).toList());
    }
  }

  @Test
  void aSlowTrickleIsCommittedAfterTheDelayWithoutAFlush() throws Exception {
    CountDownLatch heard = new CountDownLatch(1);
    BatchListener<String> listener = tickets -> heard.countDown();
    try (SessionBatch<String> batch =
        db.sessions().batch(new BatchPolicy(1_000, Duration.ofMillis(50), 1_000), listener)) {
      batch.add(Generations.of("slow", 1), "slow");
      assertThat(heard.await(30, TimeUnit.SECONDS)).as("committed without more input").isTrue();
      assertThat(db.sessions().find("slow")).isPresent();
    }
  }

  @Test
  void flushCommitsAndDeliversEverythingAddedSoFar() {
    Recorder recorder = new Recorder();
    try (SessionBatch<String> batch =
        db.sessions().batch(new BatchPolicy(1_000, Duration.ofHours(1), 1_000), recorder)) {
      batch.add(Generations.of("x", 1), "x#1");
      batch.pass("rejected#2");
      batch.add(Generations.of("x", 3), "x#3");
      batch.flush();
      assertThat(recorder.committed).containsExactly("x#1", "rejected#2", "x#3");
      assertThat(db.sessions().find("x").orElseThrow().history()).hasSize(2);
      batch.flush(); // nothing new: returns at once
      batch.pass("rejected#4");
    }
    assertThat(recorder.committed).containsExactly("x#1", "rejected#2", "x#3", "rejected#4");
  }

  @Test
  void aGenerationThatCannotBeStoredStopsTheBatchAfterEverythingBeforeIt() {
    Recorder recorder = new Recorder();
    JitInput input = Generations.input("bad", 0).build();
    GenerationToStore broken = new GenerationToStore("{not json", input, Generations.output(input, 0), null);

    SessionBatch<String> batch = db.sessions().batch(new BatchPolicy(10, Duration.ofHours(1), 10), recorder);
    batch.add(Generations.of("good", 1), "good#1");
    batch.pass("passed#2");
    batch.add(Generations.of("good", 3), "good#3");
    batch.add(broken, "bad#4");
    batch.add(Generations.of("after", 5), "after#5");
    assertThatThrownBy(batch::close)
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("could not record session bad: ");

    // Everything before the bad one is committed and was reported; nothing from it on.
    assertThat(recorder.committed).containsExactly("good#1", "passed#2", "good#3");
    assertThat(recorder.failedTicket).hasValue("bad#4");
    assertThat(db.sessions().find("good").orElseThrow().history()).hasSize(2);
    assertThat(db.sessions().find("bad")).isEmpty();
    assertThat(db.sessions().find("after")).isEmpty();
    assertThatThrownBy(() -> batch.add(Generations.of("later", 6), "later#6"))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("could not record session bad: ");
  }

  @Test
  void aGenerationForAnotherLiftersSessionStopsTheBatchAndIsNamed() {
    JitInput owned = Generations.input("owned", 0).build();
    db.sessions().record(Generations.of(owned, 0, "lifter-1"));
    Recorder recorder = new Recorder();
    SessionBatch<String> batch = db.sessions().batch(new BatchPolicy(10, Duration.ofHours(1), 10), recorder);
    batch.add(Generations.of("free", 1), "free#1");
    batch.add(Generations.of(owned, 2, "lifter-2"), "owned#2");
    batch.add(Generations.of("after", 3), "after#3");
    assertThatThrownBy(batch::close)
        .isInstanceOf(OwnerConflictException.class)
        .hasMessage("session owned belongs to another lifter; nothing was written");
    assertThat(recorder.committed).containsExactly("free#1");
    assertThat(recorder.failedTicket).hasValue("owned#2");
    assertThat(db.sessions().find("owned").orElseThrow().history()).hasSize(1);
    assertThat(db.sessions().find("owned").orElseThrow().lifterId()).isEqualTo("lifter-1");
  }

  @Test
  void decisionsGoWithTheirGenerationsInABatch() {
    Recorder recorder = new Recorder();
    try (SessionBatch<String> batch = db.sessions().batch(BatchPolicy.DEFAULT, recorder)) {
      batch.add(Generations.of("m", 1).withDecision(DecisionRepositoryTest.used(null)), "m#1");
      batch.add(Generations.of("m", 2), "m#2");
      batch.add(Generations.of("m", 3).withDecision(DecisionRepositoryTest.timedOut()), "m#3");
      batch.add(Generations.of("n", 4).withDecision(DecisionRepositoryTest.used(null)), "n#4");
    }
    assertThat(db.decisions().forSession("m")).extracting(StoredDecision::revision, StoredDecision::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "used"),
            org.assertj.core.groups.Tuple.tuple(3, "timeout"));
    List<HistoryEntry> history = db.sessions().find("m").orElseThrow().history();
    assertThat(db.decisions().forGeneration("m", 3).orElseThrow().generationId())
        .isEqualTo(history.get(2).generationId());
    assertThat(db.decisions().forSession("n")).hasSize(1);
  }

  @Test
  void aClosedBatchRefusesMoreAndClosingTwiceIsHarmless() {
    SessionBatch<String> batch = db.sessions().batch(BatchPolicy.DEFAULT, tickets -> {});
    batch.add(Generations.of("z", 1), "z#1");
    batch.close();
    batch.close();
    assertThat(db.sessions().find("z")).isPresent();
    assertThatThrownBy(() -> batch.pass("late")).isInstanceOf(StoreException.class)
        .hasMessage("the session batch is closed");
  }

  @Test
  void aFailingListenerStopsTheBatchWithItsOwnException() {
    IllegalStateException broken = new IllegalStateException("standard output is gone");
    SessionBatch<String> batch = db.sessions().batch(new BatchPolicy(1, Duration.ZERO, 1), tickets -> {
      throw broken;
    });
    batch.add(Generations.of("y", 1), "y#1");
    assertThatThrownBy(batch::close).isSameAs(broken);
    // The generation itself was committed before the listener was told.
    assertThat(db.sessions().find("y")).isPresent();
  }

  @Test
  void thePolicyRefusesNonsense() {
    assertThatThrownBy(() -> new BatchPolicy(0, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BatchPolicy(10, Duration.ofMillis(-1), 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BatchPolicy(10, Duration.ZERO, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}

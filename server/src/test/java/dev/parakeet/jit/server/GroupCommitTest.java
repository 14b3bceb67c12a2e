package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.store.Backend;
import dev.parakeet.jit.store.BatchPolicy;
import dev.parakeet.jit.store.Database;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.store.HistoryEntry;
import dev.parakeet.jit.store.OwnerConflictException;
import dev.parakeet.jit.store.StoreException;
import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server's group commit on a real database: a request returns only once its group is
 * committed, a group keeps the order its generations joined it, and a group that fails costs only
 * the generation that cannot be stored — the others are written (on their own) and answered.
 * Groups are held open by a policy that never commits before {@code n} generations have joined.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GroupCommitTest {

  private final Backend backend;
  @TempDir Path tempDir;
  private String url;
  private Database db;
  private GroupCommit groups;

  GroupCommitTest(Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void open() {
    url = backend.newUrl(tempDir);
    db = Database.open(url, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    if (groups != null) {
      groups.close();
    }
    db.close();
    backend.discard(url);
  }

  /** A group of exactly {@code n}: the writer waits (an hour) until n have joined. */
  private GroupCommit groupsOf(int n) {
    groups = new GroupCommit(db.sessions(), new BatchPolicy(n, Duration.ofHours(1), 16));
    return groups;
  }

  @Test
  void aRequestReturnsOnlyOnceItsGroupIsCommitted() {
    GroupCommit commit = groupsOf(3);
    CompletableFuture<Void> first = joined(commit, generation("s-1", 1, null), 1);
    CompletableFuture<Void> second = joined(commit, generation("s-2", 2, null), 2);

    assertThat(first).as("its group is not complete, so not committed").isNotDone();
    assertThat(second).isNotDone();
    assertThat(db.sessions().find("s-1")).as("nothing written yet").isEmpty();

    commit.record(generation("s-3", 3, null)); // completes the group: returns after the commit
    first.join();
    second.join();
    for (String id : List.of("s-1", "s-2", "s-3")) {
      assertThat(db.sessions().find(id)).as(id).isPresent();
    }
  }

  @Test
  void aGroupKeepsTheOrderInWhichItsGenerationsJoined() {
    GroupCommit commit = groupsOf(3);
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (int variant = 1; variant <= 3; variant++) {
      calls.add(joined(commit, generation("same", variant, null), variant));
    }
    calls.forEach(CompletableFuture::join);

    List<HistoryEntry> history = db.sessions().find("same").orElseThrow().history();
    assertThat(history).extracting(HistoryEntry::revision).containsExactly(1, 2, 3);
    assertThat(history).extracting(HistoryEntry::generatedAt)
        .containsExactly(at(1), at(2), at(3));
  }

  @Test
  void aFailedGroupCostsOnlyTheGenerationThatCannotBeStored() throws SQLException {
    refuseHistoryWrites("WHERE_BAD");
    GroupCommit commit = groupsOf(4);
    CompletableFuture<Void> a = joined(commit, generation("a", 1, null), 1);
    CompletableFuture<Void> bad = joined(commit, generation("bad", 2, null), 2);
    CompletableFuture<Void> c = joined(commit, generation("c", 3, null), 3);
    CompletableFuture<Void> d = joined(commit, generation("d", 4, null), 4);

    a.join();
    assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(StoreException.class);
    c.join();
    d.join();
    assertThat(db.sessions().find("bad")).isEmpty();
    for (String id : List.of("a", "c", "d")) {
      assertThat(db.sessions().find(id).orElseThrow().history()).as(id).hasSize(1);
    }
    // The stopped batch is replaced: the next request is stored as usual.
    CompletableFuture<Void> e = joined(commit, generation("e", 5, null), 1);
    commit.close(); // commits the partial group
    e.join();
    assertThat(db.sessions().find("e")).isPresent();
  }

  @Test
  void aDatabaseThatRefusesEveryWriteFailsEveryRequestOfTheGroupAndStoresNothing() throws SQLException {
    refuseHistoryWrites("ALL");
    GroupCommit commit = groupsOf(3);
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      calls.add(joined(commit, generation("down-" + i, i, null), i));
    }
    for (CompletableFuture<Void> call : calls) {
      assertThatThrownBy(call::join).hasCauseInstanceOf(StoreException.class);
    }
    for (int i = 1; i <= 3; i++) {
      assertThat(db.sessions().find("down-" + i)).isEmpty();
    }
  }

  @Test
  void anOwnerConflictInAGroupIsThatRequestsAlone() {
    db.sessions().record(generation("alices", 1, "alice"));
    GroupCommit commit = groupsOf(3);
    CompletableFuture<Void> before = joined(commit, generation("bobs-1", 2, "bob"), 1);
    CompletableFuture<Void> conflict = joined(commit, generation("alices", 3, "bob"), 2);
    CompletableFuture<Void> after = joined(commit, generation("bobs-2", 4, "bob"), 3);

    before.join();
    assertThatThrownBy(conflict::join).hasCauseInstanceOf(OwnerConflictException.class);
    after.join();
    assertThat(db.sessions().find("alices").orElseThrow().history()).hasSize(1);
    assertThat(db.sessions().find("bobs-1").orElseThrow().lifterId()).isEqualTo("bob");
    assertThat(db.sessions().find("bobs-2").orElseThrow().lifterId()).isEqualTo("bob");
  }

  /** Records on a thread of its own; returns once it has joined the group as its {@code n}-th. */
  private static CompletableFuture<Void> joined(GroupCommit commit, GenerationToStore generation, int n) {
    CompletableFuture<Void> call = CompletableFuture.runAsync(() -> commit.record(generation), runnable -> {
      Thread thread = new Thread(runnable, "request-" + n);
      thread.setDaemon(true);
      thread.start();
    });
    while (commit.waiting() < n && !call.isDone()) {
      Thread.onSpinWait();
    }
    return call;
  }

  private static java.time.Instant at(int variant) {
    return Fixtures.NOW.plusSeconds(variant);
  }

  private static GenerationToStore generation(String sessionId, int variant, String lifterId) {
    JitInput input = Fixtures.f().sessionId(sessionId).lifterId(lifterId).build();
    JitOutput output = StrategyRegistry.formulaOnly(Clock.fixed(at(variant), ZoneOffset.UTC)).generate(input);
    return new GenerationToStore(JitJson.write(input), input, output, lifterId);
  }

  /** A trigger that fails appends to the history: of session "bad" only, or of every session. */
  private void refuseHistoryWrites(String which) throws SQLException {
    String jdbc = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    boolean sqlite = backend == Backend.SQLITE;
    try (Connection c = sqlite ? DriverManager.getConnection(jdbc) : DriverManager.getConnection(jdbc, "postgres", "");
        Statement s = c.createStatement()) {
      String when = which.equals("ALL") ? "" : " WHEN NEW.session_id = 'bad'";
      if (sqlite) {
        s.execute("CREATE TRIGGER disk_on_fire BEFORE INSERT ON session_generations" + when
            + " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
      } else {
        String test = which.equals("ALL") ? "TRUE" : "NEW.session_id = 'bad'";
        s.execute("CREATE FUNCTION disk_on_fire() RETURNS trigger AS $$ BEGIN IF " + test
            + " THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        s.execute("CREATE TRIGGER disk_on_fire BEFORE INSERT ON session_generations FOR EACH ROW EXECUTE FUNCTION disk_on_fire()");
      }
    }
  }
}

package dev.parakeet.jit.store;

import static dev.parakeet.jit.store.JsonAssert.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.wire.JitJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Stored sessions and their history (SPEC §8), the same tests on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class SessionRepositoryTest {

  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

  private final Backend backend;
  @TempDir Path tempDir;
  private TestClock clock;
  private Backend.TestDatabase test;
  private SessionRepository sessions;

  SessionRepositoryTest(Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void open() {
    clock = new TestClock(T0);
    test = backend.open(tempDir, clock);
    sessions = test.db().sessions();
  }

  @AfterEach
  void close() {
    test.close();
  }

  @Test
  void theFirstGenerationCreatesTheRowAtRevisionOne() {
    JitInput input = Generations.input("sess-001", 0).lifterId("lifter-7").build();
    GenerationToStore generation = Generations.of(input, 0, "lifter-7");

    StoredGeneration stored = sessions.record(generation);

    assertThat(stored.sessionId()).isEqualTo("sess-001");
    assertThat(stored.revision()).isEqualTo(1);
    assertThat(stored.generationId()).isPositive();

    StoredSession session = sessions.find("sess-001").orElseThrow();
    JitOutput output = generation.output();
    assertThat(session.sessionId()).isEqualTo("sess-001");
    assertThat(session.lifterId()).isEqualTo("lifter-7");
    assertThat(session.weekNumber()).isEqualTo(1);
    assertThat(session.blockNumber()).isEqualTo(1);
    assertThat(session.primaryLift()).isEqualTo("squat");
    assertThat(session.intensityType()).isEqualTo("heavy");
    assertThat(session.deload()).isFalse();
    assertThat(session.status()).isEqualTo("planned");
    assertSameJson(session.plannedSetsJson(), JitJson.write(output.mainLiftSets()));
    assertThat(session.jitGeneratedAt()).isEqualTo(output.generatedAt());
    assertSameJson(session.inputSnapshotJson(), generation.inputSnapshotJson());
    assertThat(session.jitStrategy()).isEqualTo("formula");
    assertThat(JitJson.readOutput(session.outputJson())).isEqualTo(output);
    assertThat(session.createdAt()).isEqualTo(session.updatedAt());
    assertThat(session.createdAt()).isBetween(T0, clock.instant());

    assertThat(session.history()).singleElement().satisfies(entry -> {
      assertThat(entry.generationId()).isEqualTo(stored.generationId());
      assertThat(entry.revision()).isEqualTo(1);
      assertThat(entry.generatedAt()).isEqualTo(output.generatedAt());
      assertThat(entry.jitStrategy()).isEqualTo("formula");
      assertSameJson(entry.plannedSetsJson(), session.plannedSetsJson());
      assertSameJson(entry.inputSnapshotJson(), generation.inputSnapshotJson());
      assertThat(JitJson.readOutput(entry.outputJson())).isEqualTo(output);
      assertThat(entry.recordedAt()).isEqualTo(session.updatedAt());
    });
  }

  @Test
  void regeneratingUpdatesTheRowAndKeepsEveryGenerationInTheHistory() {
    GenerationToStore first = Generations.of("sess-001", 1);
    GenerationToStore second = Generations.of("sess-001", 2);
    GenerationToStore third = Generations.of("sess-001", 3);

    StoredGeneration r1 = sessions.record(first);
    clock.advance(Duration.ofMinutes(5));
    StoredGeneration r2 = sessions.record(second);
    clock.advance(Duration.ofMinutes(5));
    StoredGeneration r3 = sessions.record(third);

    assertThat(List.of(r1.revision(), r2.revision(), r3.revision())).containsExactly(1, 2, 3);
    assertThat(r3.generationId()).isGreaterThan(r2.generationId());
    assertThat(r2.generationId()).isGreaterThan(r1.generationId());

    StoredSession session = sessions.find("sess-001").orElseThrow();
    assertThat(session.history()).extracting(HistoryEntry::revision).containsExactly(1, 2, 3);
    assertThat(session.history())
        .extracting(e -> JitJson.readOutput(e.outputJson()))
        .containsExactly(first.output(), second.output(), third.output());
    // The row is the latest generation; created_at is the first one's.
    HistoryEntry last = session.history().get(2);
    assertThat(JitJson.readOutput(session.outputJson())).isEqualTo(third.output());
    assertSameJson(session.outputJson(), last.outputJson());
    assertSameJson(session.plannedSetsJson(), last.plannedSetsJson());
    assertThat(session.jitGeneratedAt()).isEqualTo(last.generatedAt());
    assertThat(session.createdAt()).isEqualTo(session.history().get(0).recordedAt());
    assertThat(session.updatedAt()).isEqualTo(last.recordedAt());
    assertThat(session.updatedAt()).isAfter(session.createdAt().plus(Duration.ofMinutes(9)));
  }

  @Test
  void theRowFollowsTheLatestInputAndStrategy() {
    sessions.record(Generations.of("sess-001", 1));
    JitInput deload =
        Generations.input("sess-001", 2).intensityType(IntensityType.DELOAD).weekNumber(4).build();
    JitOutput fallback = Generations.output(deload, 2).asFallback("model timed out");
    sessions.record(new GenerationToStore(JitJson.write(deload), deload, fallback, null));

    StoredSession session = sessions.find("sess-001").orElseThrow();
    assertThat(session.intensityType()).isEqualTo("deload");
    assertThat(session.deload()).isTrue();
    assertThat(session.weekNumber()).isEqualTo(4);
    assertThat(session.jitStrategy()).isEqualTo("formula_fallback");
    assertThat(session.history()).extracting(HistoryEntry::jitStrategy)
        .containsExactly("formula", "formula_fallback");
    assertThat(JitJson.readOutput(session.outputJson()).fallbackReason())
        .isEqualTo("model timed out");
  }

  @Test
  void everyStrategyValueIsAccepted() {
    JitInput input = Generations.input("sess-s", 0).build();
    JitOutput formula = Generations.output(input, 0);
    for (JitStrategy strategy : JitStrategy.values()) {
      JitOutput output = withStrategy(formula, strategy);
      sessions.record(new GenerationToStore(JitJson.write(input), input, output, null));
    }
    assertThat(sessions.find("sess-s").orElseThrow().history())
        .extracting(HistoryEntry::jitStrategy)
        .containsExactly("formula", "llm", "hybrid", "formula_fallback");
  }

  @Test
  void aKnownLifterIsKeptWhenALaterGenerationDoesNotName_one() {
    JitInput input = Generations.input("sess-001", 1).build();
    sessions.record(Generations.of(input, 1, "lifter-1"));
    sessions.record(Generations.of(input, 2, null));
    assertThat(sessions.find("sess-001").orElseThrow().lifterId()).isEqualTo("lifter-1");

    sessions.record(Generations.of("sess-002", 1));
    assertThat(sessions.find("sess-002").orElseThrow().lifterId()).isNull();
  }

  @Test
  void aSessionsLifterNeverChangesAndAGenerationForAnotherWritesNothing() {
    JitInput input = Generations.input("sess-001", 1).build();
    sessions.record(Generations.of(input, 1, "lifter-1"));

    assertThatThrownBy(() -> sessions.record(Generations.of(input, 2, "lifter-2")))
        .isInstanceOf(OwnerConflictException.class)
        .hasMessage("session sess-001 belongs to another lifter; nothing was written");

    StoredSession stored = sessions.find("sess-001").orElseThrow();
    assertThat(stored.lifterId()).isEqualTo("lifter-1");
    assertThat(stored.history()).hasSize(1);
    assertThat(test.db().decisions().forSession("sess-001")).isEmpty();
    // The same lifter, and a generation naming none, still regenerate it.
    sessions.record(Generations.of(input, 3, "lifter-1"));
    sessions.record(Generations.of(input, 4, null));
    assertThat(sessions.find("sess-001").orElseThrow().history()).hasSize(3);
  }

  @Test
  void aSessionWithoutALifterIsTakenByTheFirstGenerationThatNamesOne() {
    JitInput input = Generations.input("sess-001", 1).build();
    sessions.record(Generations.of(input, 1, null));
    sessions.record(Generations.of(input, 2, "lifter-1"));
    assertThat(sessions.owner("sess-001")).contains(new SessionOwner("sess-001", "lifter-1"));
  }

  @Test
  void theOwnerIsReadWithoutTheSession() {
    assertThat(sessions.owner("sess-001")).isEmpty();
    sessions.record(Generations.of("sess-001", 1));
    assertThat(sessions.owner("sess-001")).contains(new SessionOwner("sess-001", null));
  }

  @Test
  void theInputSnapshotIsStoredAsGiven() {
    JitInput input = Generations.input("sess-001", 0).build();
    // What the app sent: its own key order and spacing, and a field this version ignores.
    String snapshot =
        "{\"weekNumber\": 1, \"sessionId\": \"sess-001\",  \"blockNumber\":1,"
            + "\"primaryLift\":\"squat\",\"intensityType\":\"heavy\",\"oneRmKg\":100.0,"
            + "\"newSignal\":{\"b\":2,\"a\":[1,2.50,\"x\"]}}";
    sessions.record(new GenerationToStore(snapshot, input, Generations.output(input, 0), null));

    // Kept as text on both databases (json, not jsonb, on PostgreSQL since V3): key order, spacing
    // and number forms as the app sent them.
    StoredSession session = sessions.find("sess-001").orElseThrow();
    assertThat(session.inputSnapshotJson()).isEqualTo(snapshot);
    assertThat(session.history().get(0).inputSnapshotJson()).isEqualTo(snapshot);
  }

  @Test
  void findOfAnUnknownSessionIsEmpty() {
    assertThat(sessions.find("nope")).isEmpty();
  }

  @Test
  void listIsMostRecentlyUpdatedFirstWithGenerationCounts() {
    sessions.record(Generations.of("sess-a", 1));
    sessions.record(Generations.of("sess-b", 2));
    sessions.record(Generations.of("sess-c", 3));
    sessions.record(Generations.of("sess-a", 4)); // a is now the most recent

    List<SessionSummary> all = sessions.list(10);
    assertThat(all).extracting(SessionSummary::sessionId).containsExactly("sess-a", "sess-c", "sess-b");
    assertThat(all).extracting(SessionSummary::generations).containsExactly(2, 1, 1);
    assertThat(all).extracting(SessionSummary::updatedAt).isSortedAccordingTo((x, y) -> y.compareTo(x));

    SessionSummary a = all.get(0);
    assertThat(a.primaryLift()).isEqualTo("squat");
    assertThat(a.intensityType()).isEqualTo("heavy");
    assertThat(a.weekNumber()).isEqualTo(1);
    assertThat(a.blockNumber()).isEqualTo(1);
    assertThat(a.jitStrategy()).isEqualTo("formula");
    assertThat(a.jitGeneratedAt()).isEqualTo(Fixtures.NOW.plusSeconds(4));

    assertThat(sessions.list(2)).extracting(SessionSummary::sessionId).containsExactly("sess-a", "sess-c");
    assertThat(sessions.list(0)).isEmpty();
    assertThatThrownBy(() -> sessions.list(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOutputForAnotherSessionIsRefused() {
    JitInput input = Generations.input("sess-001", 0).build();
    JitOutput other = Generations.output(Generations.input("sess-999", 0).build(), 0);
    assertThatThrownBy(() -> new GenerationToStore(JitJson.write(input), input, other, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sess-999");
  }

  @Test
  void aSnapshotThatIsNotJsonFailsAsAStoreExceptionAndStoresNothing() {
    JitInput input = Generations.input("sess-001", 0).build();
    GenerationToStore broken =
        new GenerationToStore("{not json", input, Generations.output(input, 0), null);

    assertThatThrownBy(() -> sessions.record(broken))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("could not record session sess-001: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(sessions.find("sess-001")).isEmpty();
  }

  static JitOutput withStrategy(JitOutput o, JitStrategy strategy) {
    return new JitOutput(
        o.sessionId(), o.generatedAt(), o.mainLiftSets(), o.warmupSets(), o.auxiliaryWork(),
        o.volumeModifier(), o.intensityModifier(), o.rationale(), o.warnings(),
        o.skippedMainLift(), strategy, o.constraintsApplied(), o.fallbackReason(),
        o.confidence(), o.comparison());
  }
}

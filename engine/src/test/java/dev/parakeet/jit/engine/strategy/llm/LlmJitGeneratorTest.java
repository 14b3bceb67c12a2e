package dev.parakeet.jit.engine.strategy.llm;

import static dev.parakeet.jit.engine.testing.Adjustments.adjustment;
import static dev.parakeet.jit.engine.testing.Describe.aux;
import static dev.parakeet.jit.engine.testing.Describe.main;
import static dev.parakeet.jit.engine.testing.Describe.warmups;
import static dev.parakeet.jit.engine.testing.Fixtures.f;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.engine.model.AppliedConstraint;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.Confidence;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitInputBuilder;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.RecentLog;
import dev.parakeet.jit.engine.model.RepsRange;
import dev.parakeet.jit.engine.model.WarmupPreset;
import dev.parakeet.jit.engine.model.WarmupProtocol;
import dev.parakeet.jit.engine.port.AdjustmentModel;
import dev.parakeet.jit.engine.port.AuxAction;
import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.port.ModelAnswer;
import dev.parakeet.jit.engine.port.TokenUsage;
import dev.parakeet.jit.engine.port.LlmContext;
import dev.parakeet.jit.engine.port.ModelCallException;
import dev.parakeet.jit.engine.session.MainLift;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.session.SessionDraft;
import dev.parakeet.jit.engine.strategy.Generation;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.strategy.ModelDecision;
import dev.parakeet.jit.engine.strategy.ModelResult;
import dev.parakeet.jit.engine.strategy.formula.FormulaJitGenerator;
import dev.parakeet.jit.engine.testing.Adjustments;
import dev.parakeet.jit.engine.testing.FakeAdjustmentModel;
import dev.parakeet.jit.engine.testing.FakeAdjustmentModel.CancelRecordingFuture;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.testing.RecordingStrategyEvents;
import dev.parakeet.jit.engine.testing.RecordingStrategyEvents.ModelFailure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC §5 at the core level, with an in-process fake model. Fixture F: base 2×5 @112.5. */
@DisplayName("LLM strategy (SPEC §5, VECTORS.md L1–L6)")
class LlmJitGeneratorTest {

  private final RecordingStrategyEvents events = new RecordingStrategyEvents();

  private JitGeneratorStrategy llm(AdjustmentModel model) {
    return llm(model, LlmJitGenerator.DEFAULT_DEADLINE);
  }

  private JitGeneratorStrategy llm(AdjustmentModel model, Duration deadline) {
    return Fixtures.llm(model, deadline, events);
  }

  /** The strategy itself, for its two halves {@code begin} and {@code await}. */
  private LlmJitGenerator proposer(AdjustmentModel model, Duration deadline) {
    return new LlmJitGenerator(model, new FormulaJitGenerator(), deadline, events);
  }

  private JitOutput generate(JitAdjustment adjustment, JitInputBuilder input) {
    return llm(FakeAdjustmentModel.answering(adjustment)).generate(input.build());
  }

  /** Two logs 1.5 below target: the easy signal, so the guard lets a model push. */
  private static JitInputBuilder easy(JitInputBuilder input) {
    return input.recentLogs(List.of(RecentLog.of(7.0, 8.5), RecentLog.of(7.0, 8.5)));
  }

  /** The formula's output for {@code input}, as a fallback with {@code reason}, field by field. */
  private static JitOutput formulaFallback(JitInput input, String reason) {
    JitOutput formula = Fixtures.formula().generate(input);
    assertThat(formula.jitStrategy()).isEqualTo(JitStrategy.FORMULA);
    return JitOutput.generated(formula.sessionId(), formula.generatedAt(), JitStrategy.FORMULA_FALLBACK)
        .mainLift(formula.mainLiftSets(), formula.skippedMainLift())
        .warmups(formula.warmupSets())
        .auxiliary(formula.auxiliaryWork())
        .modifiers(formula.volumeModifier(), formula.intensityModifier())
        .rationale(formula.rationale())
        .warnings(formula.warnings())
        .constraintsApplied(formula.constraintsApplied())
        .fallbackReason(reason)
        .build();
  }

  private static List<ConstraintRule> rules(JitOutput out) {
    return out.constraintsApplied().stream().map(AppliedConstraint::rule).toList();
  }

  @Nested
  @DisplayName("VECTORS.md")
  class Vectors {

    @Test
    void l1_lighterAndOneSetFewerIsRaisedToTheEnvelope() {
      JitAdjustment adjustment = adjustment(0.88, -1);

      JitOutput out = generate(adjustment, f());

      assertThat(out.jitStrategy()).isEqualTo(JitStrategy.LLM);
      // 0.88 × 112.5 = 99 → 100 is below round(0.90 × 112.5) = 102.5 and F has no cut signal;
      // one set below the base is allowed
      assertThat(main(out)).isEqualTo("1×5 @102.5");
      assertThat(aux(out)).containsExactly("3×5 @97.5", "3×5 @97.5");
      assertThat(warmups(out)).isEqualTo("40×5, 62.5×3, 77.5×2, 92.5×1");
      assertThat(rules(out)).containsExactly(ConstraintRule.OVERREACTION_GUARD);
      assertThat(out.constraintsApplied().get(0).detail())
          .isEqualTo("model's 1×5 @ 100 kg clamped to 1×5 @ 102.5 kg (no cut signal)");
      assertThat(out.confidence()).isEqualTo(Confidence.HIGH);
      assertThat(out.rationale()).startsWith(adjustment.rationale().toArray(String[]::new));
      assertThat(out.rationale().get(out.rationale().size() - 1)).startsWith("Over-reaction guard:")
          .contains("90 %").contains("112.5 kg");
      assertThat(out.fallbackReason()).isNull();
      assertThat(out.comparison()).isNull();
      assertThat(out.volumeModifier()).isEqualTo(0.5);
      assertThat(out.intensityModifier()).isEqualTo(102.5 / 112.5);
      assertThat(out.generatedAt()).isEqualTo(Fixtures.NOW);
      assertThat(events.modelFailures()).isEmpty();
    }

    @Test
    void l2_anOutOfBoundsAnswerFallsBackToF1() {
      ModelCallException failure =
          new ModelCallException(ModelCallException.Kind.OUT_OF_BOUNDS, "intensityModifier 0.1 is below 0.40");

      JitOutput out = llm(FakeAdjustmentModel.failingWith(failure)).generate(f().build());

      assertThat(out).isEqualTo(formulaFallback(f().build(), "out_of_bounds: intensityModifier 0.1 is below 0.40"));
      assertThat(main(out)).isEqualTo("2×5 @112.5");
    }

    @Test
    @Timeout(30)
    void l3_aModelThatNeverAnswersFallsBackWithinTheDeadline() {
      JitOutput out = llm(FakeAdjustmentModel.neverAnswering(), Duration.ofMillis(100)).generate(f().build());

      assertThat(out).isEqualTo(formulaFallback(f().build(), "timeout: no answer within 100 ms"));
    }

    @Test
    void l4_theMrvCapSkipsTheModelsSession() {
      JitOutput out = generate(adjustment(1.0, 0), f().weeklyVolume(Muscle.QUADS, 20));

      assertThat(out.jitStrategy()).isEqualTo(JitStrategy.LLM);
      assertThat(out.skippedMainLift()).isTrue();
      assertThat(out.mainLiftSets()).isEmpty();
      assertThat(out.warmupSets()).isEmpty();
      assertThat(rules(out)).startsWith(ConstraintRule.MRV_CAP);
      assertThat(out.warnings()).contains("[constraint] MRV reached for quads — main lift skipped");
      // the auxiliary rule applies the MRV too: quads 20 of 20
      assertThat(aux(out)).containsExactly("skipped", "skipped");
      assertThat(out.auxiliaryWork()).extracting(AuxiliaryWork::skipReason).containsOnly("MRV reached for quads");
    }

    @Test
    void l5_auxiliaryOverrides() {
      JitOutput out =
          generate(
              Adjustments.auxOverrides("Pause Squat", AuxAction.SKIP, "Box Squat", AuxAction.REDUCE), f());

      AuxiliaryWork pause = out.auxiliaryWork().get(0);
      assertThat(pause.exercise()).isEqualTo("Pause Squat");
      assertThat(pause.skipped()).isTrue();
      assertThat(pause.skipReason()).isEqualTo("LLM: skip override");
      assertThat(pause.sets()).isEmpty();
      // 97.5 × 0.90 = 87.75 → 87.5
      assertThat(aux(out.auxiliaryWork().get(1))).isEqualTo("2×5 @87.5");
      assertThat(out.auxiliaryWork().get(1).sets()).extracting(PlannedSet::rpeTarget).containsOnly(7.5);
      assertThat(main(out)).isEqualTo("2×5 @112.5");
      assertThat(out.constraintsApplied()).isEmpty();
    }

    @Test
    void l6_aSkipWithoutACutSignalBecomesOneSetFewerAtNinetyPercent() {
      JitOutput out = generate(Adjustments.skipMainLift(), f());

      assertThat(out.jitStrategy()).isEqualTo(JitStrategy.LLM);
      // max(1, 2 − 1) = 1 set at round(0.90 × 112.5) = 102.5
      assertThat(out.skippedMainLift()).isFalse();
      assertThat(main(out)).isEqualTo("1×5 @102.5");
      assertThat(warmups(out)).isEqualTo("40×5, 62.5×3, 77.5×2, 92.5×1");
      assertThat(aux(out)).containsExactly("3×5 @97.5", "3×5 @97.5");
      assertThat(rules(out)).containsExactly(ConstraintRule.OVERREACTION_GUARD);
    }
  }

  @Nested
  @DisplayName("Applying an adjustment (SPEC §5.3)")
  class Applying {

    private List<PlannedSet> proposed(JitInputBuilder input, JitAdjustment adjustment) {
      SessionDraft draft = AdjustmentApplier.draft(SessionContext.of(input.build()), adjustment);
      assertThat(draft.author()).isEqualTo(SessionDraft.Author.MODEL);
      return draft.mainLift().sets();
    }

    /** F: base 2 sets; count = base + setModifier, at least 1, at most base + 2. */
    @ParameterizedTest(name = "setModifier {0} on 2 base sets → {1}")
    @CsvSource({"-3, 1", "-2, 1", "-1, 1", "0, 2", "1, 3", "2, 4"})
    void setModifierIsClampedToAtLeastOneSet(int setModifier, int expected) {
      List<PlannedSet> sets = proposed(f(), adjustment(1.0, setModifier));

      assertThat(sets).hasSize(expected);
      assertThat(sets).extracting(PlannedSet::setNumber)
          .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, expected).boxed().toList());
    }

    @ParameterizedTest(name = "setModifier {0} on 4 base sets → {1}")
    @CsvSource({"-3, 1", "-1, 3", "2, 6"})
    void extraSetsCopyTheLastBaseSet(int setModifier, int expected) {
      // block 3 heavy: 4×1 @125, reps_range [1, 2], RPE 9.5
      List<PlannedSet> sets = proposed(f().blockNumber(3), adjustment(1.0, setModifier));

      assertThat(sets).hasSize(expected);
      assertThat(sets)
          .allSatisfy(
              s -> {
                assertThat(s.weightKg()).isEqualTo(125);
                assertThat(s.reps()).isEqualTo(1);
                assertThat(s.rpeTarget()).isEqualTo(9.5);
                assertThat(s.repsRange()).isEqualTo(new RepsRange(1, 2));
              });
    }

    @Test
    void anAdapterThatLetsASetModifierThroughIsStillBounded() {
      JitAdjustment tooMany = new JitAdjustment(1.0, 5, false, List.of(), List.of("r"), Confidence.LOW);
      JitAdjustment tooFew = new JitAdjustment(1.0, -10, false, List.of(), List.of("r"), Confidence.LOW);

      assertThat(proposed(f(), tooMany)).hasSize(4); // base 2 + 2
      assertThat(proposed(f(), tooFew)).hasSize(1);
    }

    @Test
    void aSkipIsProposedAsTheModelsOwnSkip() {
      SessionDraft draft = AdjustmentApplier.draft(SessionContext.of(f().build()), Adjustments.skipMainLift());

      assertThat(draft.mainLift()).isEqualTo(new MainLift.Skipped(MainLift.Cause.PROPOSED_BY_MODEL));
    }

    @ParameterizedTest(name = "× {0} → {1} kg")
    @CsvSource({
      "1.20, 135",
      "0.40, 45",
      // 104.625 → 105
      "0.93, 105",
      "1.00, 112.5"
    })
    void weightIsTheRoundedBaseTimesTheModifier(double intensity, double expected) {
      assertThat(proposed(f(), adjustment(intensity, 0))).extracting(PlannedSet::weightKg).containsOnly(expected);
    }

    @Test
    void withAnEasySignalTheModelMayPushAndTheCeilingStillBinds() {
      // block 3 heavy base 125 × 1.2 = 150 > 140, the most for one rep
      JitOutput out = generate(adjustment(1.2, 0), easy(f().blockNumber(3)));

      assertThat(out.mainLiftSets()).extracting(PlannedSet::weightKg).containsOnly(140.0);
      assertThat(rules(out)).containsExactly(ConstraintRule.WEIGHT_CEILING);
      assertThat(out.intensityModifier()).isEqualTo(140 / 125.0);
    }

    @Test
    void withAnEasySignalAModelMayAddSets() {
      JitOutput out = generate(adjustment(1.05, 2), easy(f()));

      // 1.05 × 112.5 = 118.125 → 117.5
      assertThat(main(out)).isEqualTo("4×5 @117.5");
      assertThat(out.constraintsApplied()).isEmpty();
      assertThat(out.intensityModifier()).isEqualTo(1.05);
    }

    @Test
    void overrideNamesMatchAsCatalogueNamesDoAndUnknownNamesAreIgnored() {
      JitOutput out =
          generate(
              Adjustments.auxOverrides(
                  "pause-squats", AuxAction.REDUCE, "BOX SQUAT", AuxAction.NORMAL, "Leg Press", AuxAction.SKIP),
              f());

      assertThat(aux(out)).containsExactly("2×5 @87.5", "3×5 @97.5");
      assertThat(out.auxiliaryWork()).extracting(AuxiliaryWork::exercise).containsExactly("Pause Squat", "Box Squat");
    }

    @Test
    void auxiliaryWorkStartsFromTheCatalogue() {
      JitOutput out =
          generate(adjustment(1.0, 0), f().activeAuxiliaries(List.of("Leg Press", "Pull-ups", "Zercher Squat")));

      // Leg Press 0.50 × 140 = 70 for 12; Pull-Up bodyweight for 8; unknown 0.50 × 140 for 10
      assertThat(aux(out)).containsExactly("3×12 @70", "3×8 @0", "3×10 @70");
    }

    @Test
    void onADeloadTheAuxiliaryWorkStartsFromTheDeloadPrescription() {
      JitOutput out =
          generate(
              Adjustments.auxOverrides("Box Squat", AuxAction.REDUCE), f().intensityType(IntensityType.DELOAD));

      // 97.5 × 0.5 = 48.75 → 50; reduced: 50 × 0.9 = 45
      assertThat(aux(out)).containsExactly("2×5 @50", "2×5 @45");
    }

    @Test
    void theAuxiliaryRuleOverridesTheModel() {
      // the model keeps Pause Squat, but quads are rated 5
      JitOutput out = generate(adjustment(1.0, 0), f().auxiliarySorenessRatings(java.util.Map.of(Muscle.QUADS, 5)));

      assertThat(aux(out)).containsExactly("skipped", "skipped");
      assertThat(rules(out)).containsExactly(ConstraintRule.AUXILIARY, ConstraintRule.AUXILIARY);
    }

    @Test
    void theModelSeesTheInputWithoutWarmupsTheBaseAndTheHeadroom() {
      FakeAdjustmentModel model = FakeAdjustmentModel.answering(adjustment(1.0, 0));
      JitInput input =
          f().warmupConfig(new WarmupProtocol.Preset(WarmupPreset.EXTENDED))
              .weeklyVolume(Muscle.QUADS, 5)
              .weeklyVolume(Muscle.LOWER_BACK, 3)
              .sleepHours(6.5)
              .extra("stressLevel", 7)
              .build();

      llm(model).generate(input);

      assertThat(model.calls()).isEqualTo(1);
      LlmContext seen = model.contexts().get(0);
      assertThat(seen.lifterState().warmupConfig()).isNull();
      assertThat(seen.lifterState().sleepHours()).isEqualTo(6.5);
      assertThat(seen.lifterState().extras()).containsEntry("stressLevel", 7);
      assertThat(seen.lifterState().weeklyVolumeToDate()).isEqualTo(input.weeklyVolumeToDate());
      assertThat(seen.base()).isEqualTo(new LlmContext.Base(112.5, 2, 5, 8.5));
      assertThat(seen.primaryMuscles())
          .containsExactly(
              new LlmContext.MuscleHeadroom(Muscle.QUADS, 1.0, 5, 8, 20, 15),
              new LlmContext.MuscleHeadroom(Muscle.GLUTES, 1.0, 0, 0, 16, 16),
              new LlmContext.MuscleHeadroom(Muscle.LOWER_BACK, 0.5, 3, 6, 12, 9));
    }
  }

  @Nested
  @DisplayName("Failures fall back to the formula (SPEC §5.2)")
  class Failures {

    @ParameterizedTest(name = "{0}")
    @EnumSource(ModelCallException.Kind.class)
    void everyKindOfModelFailureFallsBackWithItsReason(ModelCallException.Kind kind) {
      ModelCallException failure = new ModelCallException(kind, "it went wrong (" + kind + ")");
      JitInput input = f().soreness(Muscle.QUADS, 3).build();

      JitOutput out = llm(FakeAdjustmentModel.failingWith(failure)).generate(input);

      String reason = kind.wire() + ": it went wrong (" + kind + ")";
      assertThat(out).isEqualTo(formulaFallback(input, reason));
      assertThat(events.modelFailures())
          .containsExactly(new ModelFailure("sess-001", FakeAdjustmentModel.DESCRIPTION, failure));
    }

    @Test
    void aFailureThatIsNotAModelCallExceptionIsReportedWithItsCause() {
      IllegalStateException cause = new IllegalStateException("socket vanished");

      JitOutput out = llm(FakeAdjustmentModel.failingWith(cause)).generate(f().build());

      assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
      assertThat(out.fallbackReason()).startsWith("unexpected: ");
      assertThat(out.fallbackReason()).doesNotContain("\n");
      assertThat(events.modelFailures()).hasSize(1);
      ModelCallException reported = events.modelFailures().get(0).failure();
      assertThat(reported.kind()).isEqualTo(ModelCallException.Kind.UNEXPECTED);
      assertThat(reported.getCause()).isSameAs(cause);
      assertThat(out.fallbackReason()).isEqualTo(reported.reason());
    }

    @Test
    @Timeout(30)
    void aModelThatNeverAnswersIsCancelledAtTheDeadline() {
      FakeAdjustmentModel model = FakeAdjustmentModel.neverAnswering();
      JitGeneratorStrategy generator = llm(model, Duration.ofMillis(200));

      long started = System.nanoTime();
      JitOutput out = generator.generate(f().build());
      long elapsedMs = (System.nanoTime() - started) / 1_000_000;

      assertThat(out).isEqualTo(formulaFallback(f().build(), "timeout: no answer within 200 ms"));
      assertThat(elapsedMs).as("waited for the deadline").isGreaterThanOrEqualTo(150);
      assertThat(elapsedMs).as("generous upper bound").isLessThan(20_000);
      CancelRecordingFuture<ModelAnswer> call = (CancelRecordingFuture<ModelAnswer>) model.futures().get(0);
      assertThat(call.cancelCalls()).isPositive();
      assertThat(call.isCancelled()).isTrue();
      assertThat(events.modelFailures()).hasSize(1);
      ModelCallException reported = events.modelFailures().get(0).failure();
      assertThat(reported.kind()).isEqualTo(ModelCallException.Kind.TIMEOUT);
      assertThat(reported.getCause()).isInstanceOf(TimeoutException.class);
    }

    @Test
    void aModelThatThrowsFromProposeFallsBack() {
      JitOutput out =
          llm(FakeAdjustmentModel.throwingOnPropose(
                  new ModelCallException(ModelCallException.Kind.CONNECTION, "connection refused")))
              .generate(f().build());

      assertThat(out).isEqualTo(formulaFallback(f().build(), "connection: connection refused"));
      assertThat(events.modelFailures()).hasSize(1);
    }

    @Test
    void beginNeverThrowsEvenWhenProposeDoes() {
      IllegalArgumentException cause = new IllegalArgumentException("bad adapter");
      LlmJitGenerator generator = proposer(FakeAdjustmentModel.throwingOnPropose(cause), Duration.ofSeconds(5));
      SessionContext context = SessionContext.of(f().build());

      LlmJitGenerator.Pending pending = generator.begin(context);
      ModelResult result = generator.await(pending);

      assertThat(result).isInstanceOf(ModelResult.Failed.class);
      ModelCallException failure = ((ModelResult.Failed) result).failure();
      assertThat(failure.kind()).isEqualTo(ModelCallException.Kind.UNEXPECTED);
      assertThat(failure.getCause()).isSameAs(cause);
      assertThat(events.modelFailures()).extracting(ModelFailure::failure).containsExactly(failure);
    }

    @Test
    void aModelAnsweringNullFallsBackInsteadOfThrowing() {
      JitOutput out =
          llm(FakeAdjustmentModel.answering((JitAdjustment) null)).generate(f().build());

      assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
      assertThat(main(out)).isEqualTo("2×5 @112.5");
      assertThat(events.modelFailures()).hasSize(1);
    }

    @Test
    @Timeout(30)
    void anInterruptedCallerGetsTheFallbackAndKeepsItsInterruptFlag() {
      FakeAdjustmentModel model = FakeAdjustmentModel.neverAnswering();
      JitGeneratorStrategy generator = llm(model, Duration.ofSeconds(10));
      try {
        Thread.currentThread().interrupt();
        JitOutput out = generator.generate(f().build());

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
        assertThat(out.fallbackReason()).startsWith("interrupted: ");
        assertThat(model.futures().get(0).isCancelled()).isTrue();
      } finally {
        Thread.interrupted();
      }
    }

    @Test
    void anAlreadyCancelledCallFallsBack() {
      CompletableFuture<ModelAnswer> cancelled = new CompletableFuture<>();
      cancelled.cancel(true);
      JitGeneratorStrategy generator = llm(FakeAdjustmentModel.returning(cancelled));

      JitOutput out = generator.generate(f().build());

      assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
      assertThat(out.fallbackReason()).isNotBlank();
    }
  }

  @Nested
  @DisplayName("The record of the model's decision (SPEC §8)")
  class Decisions {

    @Test
    void anAnswerUsedAsProposedIsUsed() {
      JitAdjustment adjustment = adjustment(0.95, 0);

      Generation generation = llm(FakeAdjustmentModel.answering(adjustment)).generation(f().build());

      ModelDecision decision = generation.decision().orElseThrow();
      assertThat(decision.outcome()).isEqualTo("used");
      assertThat(decision.model()).isEqualTo(FakeAdjustmentModel.DESCRIPTION);
      assertThat(decision.adjustment()).containsSame(adjustment);
      assertThat(decision.failureReason()).isEmpty();
      assertThat(decision.latency().isNegative()).isFalse();
      assertThat(generation.output().jitStrategy()).isEqualTo(JitStrategy.LLM);
    }

    @Test
    void theAnswersTextAndTokensAreKeptWithTheDecision() {
      JitAdjustment adjustment = adjustment(0.95, 0);
      ModelAnswer answer =
          new ModelAnswer(adjustment, "{\"intensityModifier\":0.95}", Optional.of(new TokenUsage(812, 64)));

      ModelDecision decision =
          llm(FakeAdjustmentModel.returning(CompletableFuture.completedFuture(answer)))
              .generation(f().build())
              .decision()
              .orElseThrow();

      assertThat(decision.rawAdjustmentJson()).contains("{\"intensityModifier\":0.95}");
      assertThat(decision.tokens()).contains(new TokenUsage(812, 64));
    }

    @Test
    void aFailedCallHasNeitherTextNorTokens() {
      ModelDecision decision =
          llm(FakeAdjustmentModel.failingWith(new ModelCallException(ModelCallException.Kind.REFUSAL, "no")))
              .generation(f().build())
              .decision()
              .orElseThrow();

      assertThat(decision.rawAdjustmentJson()).isEmpty();
      assertThat(decision.tokens()).isEmpty();
    }

    @Test
    void anAnswerTheGuardChangedIsClamped() {
      Generation generation = llm(FakeAdjustmentModel.answering(adjustment(0.5, 0))).generation(f().build());

      assertThat(generation.decision().orElseThrow().outcome()).isEqualTo("clamped");
    }

    @Test
    void anAnswerAMajorDisruptionOverruledIsClamped() {
      JitInput input =
          f().disruption(
                  dev.parakeet.jit.engine.model.TrainingDisruption.of(
                      dev.parakeet.jit.engine.model.DisruptionType.ILLNESS,
                      dev.parakeet.jit.engine.model.Severity.MAJOR, null, "flu"))
              .build();

      Generation generation = llm(FakeAdjustmentModel.answering(adjustment(1.0, 0))).generation(input);

      assertThat(generation.decision().orElseThrow().outcome()).isEqualTo("clamped");
      assertThat(generation.output().skippedMainLift()).isTrue();
    }

    @Test
    void otherConstraintsDoNotMakeAnAnswerClamped() {
      // the MRV cap skips the lift: a limit of the week, not a judgement overruled
      Generation generation =
          llm(FakeAdjustmentModel.answering(adjustment(1.0, 0))).generation(f().weeklyVolume(Muscle.QUADS, 20).build());

      assertThat(generation.decision().orElseThrow().outcome()).isEqualTo("used");
    }

    @Test
    void aFailureIsRecordedWithItsKindAndReason() {
      ModelCallException failure = new ModelCallException(ModelCallException.Kind.MALFORMED, "not JSON");

      Generation generation = llm(FakeAdjustmentModel.failingWith(failure)).generation(f().build());

      ModelDecision decision = generation.decision().orElseThrow();
      assertThat(decision.outcome()).isEqualTo("malformed");
      assertThat(decision.failureReason()).contains("malformed: not JSON");
      assertThat(decision.adjustment()).isEmpty();
      assertThat(generation.output().jitStrategy()).isEqualTo(JitStrategy.FORMULA_FALLBACK);
    }

    @Test
    void theFormulaRecordsNoDecision() {
      assertThat(Fixtures.formula().generation(f().build()).decision()).isEmpty();
    }

    @Test
    void anAnswerCarriesTheAdjustmentAndTheModelsDraft() {
      JitAdjustment adjustment = adjustment(0.95, 0);
      LlmJitGenerator generator = proposer(FakeAdjustmentModel.answering(adjustment), Duration.ofSeconds(5));

      ModelResult result = generator.await(generator.begin(SessionContext.of(f().build())));

      assertThat(result).isInstanceOf(ModelResult.Answered.class);
      ModelResult.Answered answered = (ModelResult.Answered) result;
      assertThat(answered.adjustment()).isSameAs(adjustment);
      assertThat(answered.draft().author()).isEqualTo(SessionDraft.Author.MODEL);
    }
  }

  @Test
  void theDeadlineMustBePositive() {
    FakeAdjustmentModel model = FakeAdjustmentModel.answering(adjustment(1.0, 0));
    assertThatThrownBy(() -> proposer(model, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> proposer(model, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(proposer(model, LlmJitGenerator.DEFAULT_DEADLINE).deadline()).isEqualTo(Duration.ofMillis(5_000));
    assertThat(llm(model).name()).isEqualTo("llm");
  }

  @Test
  void modelCallExceptionKeepsItsReasonOnOneLine() {
    ModelCallException failure =
        new ModelCallException(ModelCallException.Kind.HTTP_STATUS, "HTTP 503\n  upstream\tbusy ");

    assertThat(failure.reason()).isEqualTo("http_status: HTTP 503 upstream busy");
  }
}

package dev.parakeet.jit.engine.constraint;

import static dev.parakeet.jit.engine.testing.Describe.aux;
import static dev.parakeet.jit.engine.testing.Describe.main;
import static dev.parakeet.jit.engine.testing.Describe.warmups;
import static dev.parakeet.jit.engine.testing.Fixtures.f;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.AppliedConstraint;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.Confidence;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.JitInputBuilder;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.WarmupProtocol;
import dev.parakeet.jit.engine.model.WarmupStep;
import dev.parakeet.jit.engine.model.Weights;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import dev.parakeet.jit.engine.session.MainLift;
import dev.parakeet.jit.engine.session.SessionContext;
import dev.parakeet.jit.engine.session.SessionDraft;
import dev.parakeet.jit.engine.testing.Fixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §4 against hand-built drafts, as a misbehaving strategy might propose them. Fixture F:
 * squat 1RM 140, base 2×5 @112.5, floor round(0.40 × 112.5) = 45, ceiling 140.
 */
@DisplayName("Hard constraints (SPEC §4)")
class HardConstraintsTest {

  private static final HardConstraints LAYER = new HardConstraints();

  private static JitOutput apply(JitInputBuilder input, SessionDraft draft) {
    return LAYER.apply(SessionContext.of(input.build()), draft, JitStrategy.LLM, Fixtures.NOW);
  }

  /** {@code count} sets of 5 at {@code weight}, RPE 8.5, numbered from 1. */
  private static List<PlannedSet> sets(int count, double weight) {
    List<PlannedSet> sets = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      sets.add(new PlannedSet(i, weight, 5, 8.5, null));
    }
    return sets;
  }

  private static List<PlannedSet> weights(double... weights) {
    List<PlannedSet> sets = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      sets.add(new PlannedSet(i + 1, weights[i], 5, 8.5, null));
    }
    return sets;
  }

  private static AuxiliaryWork auxWork(String exercise, int count, double weight) {
    List<PlannedSet> sets = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      sets.add(new PlannedSet(i, weight, 10, 7.5, null));
    }
    return AuxiliaryWork.prescribed(exercise, sets);
  }

  private static SessionDraft draft(List<PlannedSet> main, double intensity, AuxiliaryWork... aux) {
    return new SessionDraft(
        new MainLift.Planned(main, intensity), Arrays.asList(aux), List.of("proposed"),
        SessionDraft.Author.FORMULA, Confidence.MEDIUM);
  }

  /** The same proposal, made by a language model: it passes the over-reaction guard too. */
  private static SessionDraft byModel(List<PlannedSet> main, double intensity, AuxiliaryWork... aux) {
    return SessionDraft.byModel(
        new MainLift.Planned(main, intensity), Arrays.asList(aux), List.of("proposed"), Confidence.MEDIUM);
  }

  private static SessionDraft modelSkip(AuxiliaryWork... aux) {
    return SessionDraft.byModel(
        new MainLift.Skipped(MainLift.Cause.PROPOSED_BY_MODEL), Arrays.asList(aux), List.of("proposed"),
        Confidence.LOW);
  }

  private static SessionDraft draft(List<PlannedSet> main, AuxiliaryWork... aux) {
    return draft(main, 1.0, aux);
  }


  private static JitInputBuilder noAux() {
    return f().activeAuxiliaries(List.of());
  }

  private static List<ConstraintRule> rules(JitOutput out) {
    return out.constraintsApplied().stream().map(AppliedConstraint::rule).toList();
  }

  /** One "[constraint] detail" per applied rule, in order, and nothing else. */
  private static void assertWarningsMatchConstraints(JitOutput out) {
    List<String> expected = new ArrayList<>();
    out.constraintsApplied().forEach(c -> expected.add("[constraint] " + c.detail()));
    assertThat(out.warnings()).containsExactlyElementsOf(expected);
  }

  @Test
  void aProposalThatBreaksNothingPassesThroughWithNothingRecorded() {
    SessionDraft draft =
        byModel(sets(2, 112.5), 1.0, auxWork("Pause Squat", 3, 95), auxWork("Box Squat", 3, 95));

    JitOutput out = apply(f(), draft);

    assertThat(out.mainLiftSets()).isEqualTo(draft.mainLift().sets());
    assertThat(out.auxiliaryWork()).isEqualTo(draft.auxiliaryWork());
    assertThat(out.constraintsApplied()).isEmpty();
    assertThat(out.warnings()).isEmpty();
    assertThat(out.rationale()).containsExactly("proposed");
    assertThat(warmups(out)).isEqualTo("45×5, 67.5×3, 85×2, 102.5×1");
    assertThat(out.volumeModifier()).isEqualTo(1.0);
    assertThat(out.intensityModifier()).isEqualTo(1.0);
    assertThat(out.jitStrategy()).isEqualTo(JitStrategy.LLM);
    assertThat(out.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(out.generatedAt()).isEqualTo(Fixtures.NOW);
    assertThat(out.sessionId()).isEqualTo("sess-001");
    assertThat(out.skippedMainLift()).isFalse();
    assertThat(out.fallbackReason()).isNull();
    assertThat(out.comparison()).isNull();
  }

  @Nested
  @DisplayName("0. major_disruption")
  class MajorDisruption {

    private JitInputBuilder majorOn(JitInputBuilder input) {
      return input.disruption(
          dev.parakeet.jit.engine.model.TrainingDisruption.of(
              dev.parakeet.jit.engine.model.DisruptionType.ILLNESS, dev.parakeet.jit.engine.model.Severity.MAJOR,
              null, "flu"));
    }

    @Test
    void skipsAModelsLiftAndSuppressesItsAuxiliaryWork() {
      JitOutput out = apply(majorOn(f()), byModel(sets(2, 112.5), 1.0, auxWork("Pause Squat", 3, 95)));

      assertThat(out.skippedMainLift()).isTrue();
      assertThat(out.warmupSets()).isEmpty();
      assertThat(out.auxiliaryWork()).containsExactly(
          AuxiliaryWork.skipped("Pause Squat", "Main lift skipped — auxiliary suppressed"));
      assertThat(rules(out)).containsExactly(ConstraintRule.MAJOR_DISRUPTION);
      assertThat(out.constraintsApplied().get(0).detail()).contains("flu");
      assertThat(out.rationale()).last().asString().startsWith("Major disruption — flu");
      assertWarningsMatchConstraints(out);
    }

    @Test
    void appliesToEveryProposalNotOnlyAModels() {
      JitOutput out = apply(majorOn(f()), draft(sets(2, 112.5), auxWork("Pause Squat", 3, 95)));

      assertThat(out.skippedMainLift()).isTrue();
      assertThat(rules(out)).containsExactly(ConstraintRule.MAJOR_DISRUPTION);
    }

    @Test
    void aDraftThatAlreadyFollowsItRecordsNothing() {
      SessionDraft followed =
          SessionDraft.byFormula(
              new MainLift.Skipped(MainLift.Cause.MAJOR_DISRUPTION),
              List.of(AuxiliaryWork.skipped("Pause Squat", "Main lift skipped — auxiliary suppressed")),
              List.of("formula"));

      JitOutput out = apply(majorOn(f()), followed);

      assertThat(out.constraintsApplied()).isEmpty();
      assertThat(out.rationale()).containsExactly("formula");
    }

    @Test
    void aMajorDisruptionOfAnotherLiftOrAResolvedOneIsNotRelevant() {
      JitOutput other =
          apply(
              noAux().disruption(
                  dev.parakeet.jit.engine.model.TrainingDisruption.of(
                      dev.parakeet.jit.engine.model.DisruptionType.INJURY,
                      dev.parakeet.jit.engine.model.Severity.MAJOR, List.of(Lift.BENCH), null)),
              byModel(sets(2, 112.5), 1.0));

      assertThat(other.skippedMainLift()).isFalse();
      assertThat(other.constraintsApplied()).isEmpty();
    }
  }

  @Nested
  @DisplayName("0. overreaction_guard")
  class OverreactionGuard {

    @Test
    void appliesOnlyToAModelsProposal() {
      JitOutput formula = apply(noAux(), draft(sets(1, 80), 0.7));
      JitOutput model = apply(noAux(), byModel(sets(1, 80), 0.7));

      assertThat(main(formula)).isEqualTo("1×5 @80");
      assertThat(formula.constraintsApplied()).isEmpty();
      assertThat(main(model)).isEqualTo("1×5 @102.5");
      assertThat(rules(model)).containsExactly(ConstraintRule.OVERREACTION_GUARD);
    }

    @ParameterizedTest(name = "{0} sets × {1} kg → {2}")
    @CsvSource({
      // inside: one set below the base, 90–105 %
      "1, 102.5, 1×5 @102.5",
      "2, 117.5, 2×5 @117.5",
      // outside: to the edge
      "1, 100, 1×5 @102.5",
      "2, 120, 2×5 @117.5",
      "4, 112.5, 2×5 @112.5",
      "4, 135, 2×5 @117.5"
    })
    void withoutASignalTheProposalStaysInsideTheEnvelope(int count, double weight, String expected) {
      JitOutput out = apply(noAux(), byModel(sets(count, weight), weight / 112.5));

      assertThat(main(out)).isEqualTo(expected);
      assertThat(out.constraintsApplied().isEmpty()).isEqualTo(expected.equals(count + "×5 @" + Weights.format(weight)));
    }

    @Test
    void aSkipWithoutACutSignalBecomesOneSetFewerAtNinetyPercent() {
      JitOutput out = apply(noAux(), modelSkip());

      assertThat(main(out)).isEqualTo("1×5 @102.5");
      assertThat(out.constraintsApplied()).extracting(AppliedConstraint::detail)
          .containsExactly("model's skip of the main lift turned into 1×5 @ 102.5 kg (no cut signal)");
      assertThat(out.intensityModifier()).isEqualTo(102.5 / 112.5);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cutSignals() {
      return java.util.stream.Stream.of(
          org.junit.jupiter.params.provider.Arguments.of(
              "a minor disruption",
              noAux().disruption(
                  dev.parakeet.jit.engine.model.TrainingDisruption.of(
                      dev.parakeet.jit.engine.model.DisruptionType.FATIGUE,
                      dev.parakeet.jit.engine.model.Severity.MINOR, null, null))),
          org.junit.jupiter.params.provider.Arguments.of("soreness 4", noAux().soreness(Muscle.GLUTES, 4)),
          org.junit.jupiter.params.provider.Arguments.of(
              "soreness 3 raised by the late-luteal phase",
              noAux().soreness(Muscle.QUADS, 3)
                  .menstrualPhase(dev.parakeet.jit.engine.model.MenstrualPhase.LATE_LUTEAL)),
          org.junit.jupiter.params.provider.Arguments.of(
              "recent sessions harder than planned",
              noAux().recentLogs(List.of(
                  dev.parakeet.jit.engine.model.RecentLog.of(9.5, 8.5),
                  dev.parakeet.jit.engine.model.RecentLog.of(9.5, 8.5)))),
          org.junit.jupiter.params.provider.Arguments.of("sleep quality 2", noAux().sleepQuality(2.0)));
    }

    @ParameterizedTest(name = "{0} allows a skip and a deep cut")
    @org.junit.jupiter.params.provider.MethodSource("cutSignals")
    void aCutSignalAllowsASkipAndADeepCut(String signal, JitInputBuilder input) {
      assertThat(apply(input, modelSkip()).skippedMainLift()).isTrue();
      JitOutput cut = apply(input, byModel(sets(1, 70), 0.62));
      assertThat(main(cut)).isEqualTo("1×5 @70");
      assertThat(cut.constraintsApplied()).isEmpty();
      // …but no push above the envelope without an easy signal
      assertThat(main(apply(input, byModel(sets(2, 125), 1.11)))).isEqualTo("2×5 @117.5");
    }

    @Test
    void noSignalsAreSoreness3OrGoodSleepOrOneHardSession() {
      JitInputBuilder mild =
          noAux().soreness(Muscle.QUADS, 3).sleepQuality(3.0)
              .recentLogs(List.of(dev.parakeet.jit.engine.model.RecentLog.of(10.0, 8.0)));

      assertThat(apply(mild, modelSkip()).skippedMainLift()).isFalse();
    }

    @Test
    void anEasySignalAllowsMoreSetsAndWeight() {
      JitInputBuilder easy =
          noAux().recentLogs(List.of(
              dev.parakeet.jit.engine.model.RecentLog.of(7.0, 8.5),
              dev.parakeet.jit.engine.model.RecentLog.of(7.0, 8.5)));

      JitOutput out = apply(easy, byModel(sets(4, 122.5), 1.09));

      assertThat(main(out)).isEqualTo("4×5 @122.5");
      assertThat(out.constraintsApplied()).isEmpty();
      // …but not a cut beyond the envelope
      assertThat(main(apply(easy, byModel(sets(1, 90), 0.8)))).isEqualTo("1×5 @102.5");
    }

    @Test
    void aDeloadIsNeverRaisedEvenWithAnEasySignal() {
      JitInputBuilder deloadEasy =
          noAux().intensityType(dev.parakeet.jit.engine.model.IntensityType.DELOAD)
              .recentLogs(List.of(
                  dev.parakeet.jit.engine.model.RecentLog.of(7.0, 8.5),
                  dev.parakeet.jit.engine.model.RecentLog.of(7.0, 8.5)));

      // deload base 3×5 @55
      JitOutput out = apply(deloadEasy, byModel(sets(5, 60), 1.09));

      assertThat(main(out)).isEqualTo("3×5 @55");
      assertThat(out.rationale()).last().asString().contains("a deload is never raised above its programme");
      // a deload is a cut signal: lighter is fine
      assertThat(main(apply(deloadEasy, byModel(sets(2, 45), 0.8)))).isEqualTo("2×5 @45");
    }

    @Test
    void theRationaleSaysWhatChangedAndWhy() {
      JitOutput out = apply(noAux(), byModel(sets(3, 125), 1.11));

      assertThat(out.rationale()).last().asString()
          .isEqualTo(
              "Over-reaction guard: the model proposed 3×5 @ 125 kg, but with no signal to push (recent"
                  + " sessions easier than planned) it may not go above the programmed 2 sets or 105 % of"
                  + " 112.5 kg — 2×5 @ 117.5 kg instead.");
      assertThat(out.constraintsApplied()).extracting(AppliedConstraint::detail)
          .containsExactly("model's 3×5 @ 125 kg clamped to 2×5 @ 117.5 kg (no easy signal)");
    }
  }

  @Nested
  @DisplayName("1. mrv_cap")
  class MrvCap {

    @ParameterizedTest(name = "weekly quads {0} ≥ MRV 20 → skipped")
    @ValueSource(doubles = {20, 20.5, 25, 1000})
    void atOrOverTheMrvSkipsTheMainLift(double weekly) {
      JitOutput out = apply(noAux().weeklyVolume(Muscle.QUADS, weekly), draft(sets(2, 112.5)));

      assertThat(out.skippedMainLift()).isTrue();
      assertThat(out.mainLiftSets()).isEmpty();
      assertThat(out.warmupSets()).isEmpty();
      assertThat(out.volumeModifier()).isZero();
      assertThat(out.intensityModifier()).isZero();
      assertThat(rules(out)).containsExactly(ConstraintRule.MRV_CAP);
      assertThat(out.warnings()).containsExactly("[constraint] MRV reached for quads — main lift skipped");
      assertWarningsMatchConstraints(out);
    }

    @Test
    void capsTheSetCountAtTheHeadroom() {
      // floor((20 − 18) / 1.0) = 2
      JitOutput out = apply(noAux().weeklyVolume(Muscle.QUADS, 18), draft(sets(5, 112.5)));

      assertThat(main(out)).isEqualTo("2×5 @112.5");
      assertThat(out.mainLiftSets()).extracting(PlannedSet::setNumber).containsExactly(1, 2);
      assertThat(rules(out)).containsExactly(ConstraintRule.MRV_CAP);
      assertThat(out.constraintsApplied().get(0).detail()).contains("quads");
      assertThat(out.volumeModifier()).isEqualTo(1.0);
      assertWarningsMatchConstraints(out);
    }

    /** Squat credits lower_back 0.5 a set; male lower_back MRV 12. */
    @ParameterizedTest(name = "weekly lower_back {0} → {1} sets of 10 proposed")
    @CsvSource({
      "8, 8",
      "10.5, 3",
      "11, 2",
      "11.5, 1"
    })
    void aHalfContributionDoublesTheHeadroomInSets(double weekly, int expected) {
      JitOutput out = apply(noAux().weeklyVolume(Muscle.LOWER_BACK, weekly), draft(sets(10, 112.5)));

      assertThat(out.mainLiftSets()).hasSize(expected);
      assertThat(out.skippedMainLift()).isFalse();
      assertThat(rules(out)).containsExactly(ConstraintRule.MRV_CAP);
    }

    @ParameterizedTest(name = "weekly lower_back {0}: no room for a whole set → skipped")
    @ValueSource(doubles = {11.75, 12, 13})
    void aCapBelowOneSetSkipsInsteadOfKeepingAMinimumSet(double weekly) {
      JitOutput out = apply(noAux().weeklyVolume(Muscle.LOWER_BACK, weekly), draft(sets(2, 112.5)));

      assertThat(out.skippedMainLift()).isTrue();
      assertThat(out.mainLiftSets()).isEmpty();
      assertThat(rules(out)).containsExactly(ConstraintRule.MRV_CAP);
    }

    @Test
    void quadsJustUnderTheMrvLeavesNoRoomEither() {
      // 20 − 19.5 = 0.5 set of room
      JitOutput out = apply(noAux().weeklyVolume(Muscle.QUADS, 19.5), draft(sets(2, 112.5)));

      assertThat(out.skippedMainLift()).isTrue();
      assertThat(rules(out)).doesNotContain(ConstraintRule.MINIMUM_SETS);
      assertThat(out.constraintsApplied().get(0).detail()).isEqualTo("MRV reached for quads — main lift skipped");
      assertThat(out.rationale()).last().asString().contains("19.5 of its 20 sets");
    }

    @Test
    void theTightestPrimaryMuscleWins() {
      // quads 20 − 17 = 3, glutes 16 − 14 = 2
      JitOutput out =
          apply(noAux().weeklyVolume(Muscle.QUADS, 17).weeklyVolume(Muscle.GLUTES, 14), draft(sets(6, 112.5)));

      assertThat(out.mainLiftSets()).hasSize(2);
    }

    @Test
    void deadliftUpperBackAtHalfASet() {
      // upper_back MRV 22: (22 − 20.5) / 0.5 = 3; deadlift 1RM 180 base 145
      JitOutput out =
          apply(
              noAux().primaryLift(Lift.DEADLIFT).oneRmKg(180.0).weeklyVolume(Muscle.UPPER_BACK, 20.5),
              draft(sets(5, 145)));

      assertThat(main(out)).isEqualTo("3×5 @145");
    }

    @Test
    void aSecondaryMuscleOfTheLiftDoesNotCapTheMainLift() {
      // squat credits hamstrings only in volume counting; hamstrings are not a primary muscle
      JitOutput out = apply(noAux().weeklyVolume(Muscle.HAMSTRINGS, 30), draft(sets(2, 112.5)));

      assertThat(out.skippedMainLift()).isFalse();
      assertThat(out.constraintsApplied()).isEmpty();
    }

    @Test
    void customLandmarksAreUsed() {
      JitOutput out =
          apply(
              noAux().mrvMevConfig(Map.of(Muscle.QUADS, dev.parakeet.jit.engine.model.Landmark.of(2, 10)))
                  .weeklyVolume(Muscle.QUADS, 9),
              draft(sets(2, 112.5)));

      assertThat(out.mainLiftSets()).hasSize(1);
    }

    @Test
    void femaleLandmarksGiveMoreRoom() {
      // female quads MRV 26: 26 − 20 = 6
      JitOutput out =
          apply(
              noAux().biologicalSex(dev.parakeet.jit.engine.model.BiologicalSex.FEMALE).weeklyVolume(Muscle.QUADS, 20),
              draft(sets(2, 112.5)));

      assertThat(out.skippedMainLift()).isFalse();
      assertThat(out.mainLiftSets()).hasSize(2);
    }

    @Test
    void nothingLaterUnskipsAnMrvSkip() {
      JitOutput out = apply(noAux().weeklyVolume(Muscle.QUADS, 20), draft(List.of()));

      assertThat(out.skippedMainLift()).isTrue();
      assertThat(out.mainLiftSets()).isEmpty();
      assertThat(out.warmupSets()).isEmpty();
      assertThat(rules(out)).containsExactly(ConstraintRule.MRV_CAP);
    }
  }

  @Nested
  @DisplayName("A strategy's own skip")
  class StrategySkip {

    @Test
    void aSkipTheSignalsAllowStaysSkippedAndGetsNoMinimumSet() {
      // poor sleep is a cut signal: the model may skip
      JitOutput out = apply(noAux().sleepQuality(2.0), modelSkip());

      assertThat(out.skippedMainLift()).isTrue();
      assertThat(out.mainLiftSets()).isEmpty();
      assertThat(out.warmupSets()).isEmpty();
      assertThat(out.constraintsApplied()).isEmpty();
      assertThat(out.volumeModifier()).isZero();
      assertThat(out.intensityModifier()).isZero();
    }
  }

  @Nested
  @DisplayName("2. minimum_sets")
  class MinimumSets {

    @Test
    void aLiftThatIsNotSkippedGetsOneBaseSet() {
      JitOutput out = apply(noAux(), draft(List.of()));

      assertThat(out.mainLiftSets()).containsExactly(new PlannedSet(1, 112.5, 5, 8.5, null));
      assertThat(rules(out)).containsExactly(ConstraintRule.MINIMUM_SETS);
      assertThat(warmups(out)).isEqualTo("45×5, 67.5×3, 85×2, 102.5×1");
      assertThat(out.volumeModifier()).isEqualTo(0.5);
      assertWarningsMatchConstraints(out);
    }
  }

  @Nested
  @DisplayName("3–4. weight_floor and weight_ceiling")
  class WeightBounds {

    @Test
    void raisesEveryWeightBelowFortyPercentOfTheBase() {
      JitOutput out = apply(noAux(), draft(weights(30, 112.5)));

      assertThat(out.mainLiftSets()).extracting(PlannedSet::weightKg).containsExactly(45.0, 112.5);
      assertThat(rules(out)).containsExactly(ConstraintRule.WEIGHT_FLOOR);
      assertThat(out.constraintsApplied().get(0).detail()).contains("45 kg");
      assertWarningsMatchConstraints(out);
    }

    @Test
    void aWeightAtTheFloorIsLeftAlone() {
      JitOutput out = apply(noAux(), draft(sets(2, 45), 0.40));

      assertThat(main(out)).isEqualTo("2×5 @45");
      assertThat(out.constraintsApplied()).isEmpty();
    }

    @ParameterizedTest(name = "1RM 40 (base 32.5, 40 % = 12.5): {0} kg → the bar")
    @ValueSource(doubles = {2.5, 10, 12.5, 17.5})
    void theBarIsTheLowestWorkingWeight(double proposed) {
      JitOutput out = apply(noAux().oneRmKg(40.0), draft(sets(2, proposed)));

      assertThat(main(out)).isEqualTo("2×5 @20");
      assertThat(rules(out)).containsExactly(ConstraintRule.WEIGHT_FLOOR);
    }

    /** Sets of 5: the most is 1RM × 32 ÷ 36, rounded down to 2.5. */
    @ParameterizedTest(name = "1RM {0}, proposed {1} × 5 → {2}")
    @CsvSource({
      // 140 × 32 ÷ 36 = 124.4 → 122.5
      "140, 150, 122.5",
      "140, 125, 122.5",
      // 141 → 125.3 → 125
      "141, 145, 125",
      // 143.7 → 127.7 → 127.5
      "143.7, 160, 127.5"
    })
    void lowersEveryWeightAboveWhatTheLifterCanDoForItsReps(double oneRm, double proposed, double expected) {
      JitOutput out = apply(noAux().oneRmKg(oneRm), draft(sets(2, proposed)));

      assertThat(out.mainLiftSets()).extracting(PlannedSet::weightKg).containsOnly(expected);
      assertThat(rules(out)).startsWith(ConstraintRule.WEIGHT_CEILING);
      assertThat(out.constraintsApplied().get(0).detail()).contains("5 reps").contains("Brzycki");
    }

    @Test
    void aWeightAtTheCeilingIsLeftAlone() {
      JitOutput out = apply(noAux(), draft(sets(2, 122.5)));

      assertThat(out.constraintsApplied()).isEmpty();
    }

    @ParameterizedTest(name = "{0} reps at 1RM 140: at most {1}")
    @CsvSource({"1, 140", "2, 135", "3, 130", "5, 122.5", "8, 112.5", "10, 105", "12, 95", "20, 65"})
    void theCeilingFollowsTheRepsOfEachSet(int reps, double most) {
      List<PlannedSet> heavy = List.of(new PlannedSet(1, 150, reps, 9.0, null));

      JitOutput out = apply(noAux(), draft(heavy));

      assertThat(out.mainLiftSets()).extracting(PlannedSet::weightKg).containsExactly(most);
    }

    @Test
    void setsOfDifferentRepsGetTheirOwnCeiling() {
      List<PlannedSet> mixed =
          List.of(new PlannedSet(1, 135, 1, 9.0, null), new PlannedSet(2, 135, 5, 9.0, null));

      JitOutput out = apply(noAux(), draft(mixed));

      assertThat(out.mainLiftSets()).extracting(PlannedSet::weightKg).containsExactly(135.0, 122.5);
    }

    @Test
    void theCeilingWinsOverTheFloorAndUnderTheBarCutsTheReps() {
      // 1RM 22 (V10): base 17.5; the floor is the bar; 22 × 32 ÷ 36 = 19.6 → 17.5 for 5 reps is
      // under the bar, so the set stays at 20 kg for floor(37 − 36 × 20 ÷ 22) = 4 reps
      JitOutput out = apply(noAux().oneRmKg(22.0), draft(sets(2, 17.5)));

      assertThat(main(out)).isEqualTo("2×4 @20");
      assertThat(rules(out)).containsExactly(ConstraintRule.WEIGHT_FLOOR, ConstraintRule.WEIGHT_CEILING);
      assertThat(out.warmupSets()).isEmpty();
      assertWarningsMatchConstraints(out);
    }

    @Test
    void atTheBarTheRepRangeGoesWithTheCutReps() {
      List<PlannedSet> ranged =
          List.of(new PlannedSet(1, 20, 8, 8.0, new dev.parakeet.jit.engine.model.RepsRange(8, 12)));

      // 1RM 20: the bar is the 1RM, one rep
      JitOutput out = apply(noAux().oneRmKg(20.0), draft(ranged));

      assertThat(out.mainLiftSets()).containsExactly(new PlannedSet(1, 20, 1, 8.0, null));
    }

    @Test
    void intensityModifierIsRecomputedWhenAWeightIsMoved() {
      JitOutput raised = apply(noAux(), draft(sets(2, 30), 0.25));
      JitOutput lowered = apply(noAux(), draft(sets(2, 150), 1.35));

      assertThat(raised.intensityModifier()).isEqualTo(45 / 112.5);
      assertThat(lowered.intensityModifier()).isEqualTo(122.5 / 112.5);
    }
  }

  @Nested
  @DisplayName("5. rounding")
  class Rounding {

    @Test
    void roundsMainAndAuxiliaryWeightsToTheIncrementOnce() {
      JitOutput out = apply(f(), draft(sets(2, 111), auxWork("Pause Squat", 3, 96), auxWork("Box Squat", 3, 95)));

      assertThat(main(out)).isEqualTo("2×5 @110");
      assertThat(aux(out)).containsExactly("3×10 @95", "3×10 @95");
      assertThat(rules(out)).containsExactly(ConstraintRule.ROUNDING);
      assertWarningsMatchConstraints(out);
    }

    @Test
    void anOffIncrementAuxiliaryWeightAloneIsRounded() {
      JitOutput out = apply(f(), draft(sets(2, 112.5), auxWork("Pause Squat", 3, 93.9), auxWork("Box Squat", 3, 95)));

      assertThat(main(out)).isEqualTo("2×5 @112.5");
      assertThat(aux(out)).containsExactly("3×10 @95", "3×10 @95");
      assertThat(rules(out)).containsExactly(ConstraintRule.ROUNDING);
    }

    @Test
    void usesTheConfiguredIncrement() {
      // 111 / 1.25 = 88.8 → 89 → 111.25
      JitOutput out =
          apply(
              noAux().formulaConfig(new FormulaConfig(null, null, null, null, null, null, 1.25)),
              draft(sets(2, 111)));

      assertThat(main(out)).isEqualTo("2×5 @111.25");
      assertThat(rules(out)).containsExactly(ConstraintRule.ROUNDING);
    }

    @Test
    void roundingOnlyTheAuxiliaryWorkLeavesTheIntensityModifierAlone() {
      JitOutput out = apply(f(), draft(sets(2, 102.5), 0.91, auxWork("Pause Squat", 3, 93.9)));

      assertThat(rules(out)).containsExactly(ConstraintRule.ROUNDING);
      assertThat(out.intensityModifier()).isEqualTo(0.91);
    }

    @Test
    void theFloorIsLoadableAndNeverBelowTheBarWhateverTheIncrement() {
      // 1RM 45 at a 1.5 kg increment: base round(36) = 36; 40 % = round(14.4) = 15; the bar wins:
      // 20 is not on the increment and rounding it would give 19.5, below the bar, so the floor is 21.
      JitOutput out =
          apply(
              noAux().oneRmKg(45.0).formulaConfig(new FormulaConfig(null, null, null, null, null, null, 1.5)),
              draft(sets(2, 10), 1.0));

      assertThat(main(out)).isEqualTo("2×5 @21");
      assertThat(rules(out)).containsExactly(ConstraintRule.WEIGHT_FLOOR);
    }
  }

  @Nested
  @DisplayName("6. auxiliary")
  class Auxiliary {

    @Test
    void anExerciseTrainingAMuscleRatedFiveIsSkipped() {
      JitOutput out =
          apply(
              f().activeAuxiliaries(List.of("Pause Squat", "Barbell Row"))
                  .auxiliarySorenessRatings(Map.of(Muscle.QUADS, 5)),
              draft(sets(2, 112.5), auxWork("Pause Squat", 3, 95), auxWork("Barbell Row", 3, 95)));

      assertThat(aux(out)).containsExactly("skipped", "3×10 @95");
      assertThat(out.auxiliaryWork().get(0).skipReason()).contains("quads");
      assertThat(rules(out)).containsExactly(ConstraintRule.AUXILIARY);
      assertThat(out.constraintsApplied().get(0).detail()).contains("Pause Squat");
      assertWarningsMatchConstraints(out);
    }

    @Test
    void withoutAuxiliaryRatingsTheMainRatingsApply() {
      JitOutput out =
          apply(
              f().soreness(Muscle.GLUTES, 5),
              draft(sets(2, 112.5), auxWork("Pause Squat", 3, 95), auxWork("Box Squat", 3, 95)));

      assertThat(aux(out)).containsExactly("skipped", "skipped");
    }

    @Test
    void auxiliaryRatingsWhenPresentReplaceTheMainRatings() {
      JitOutput out =
          apply(
              f().soreness(Muscle.QUADS, 5).auxiliarySorenessRatings(Map.of(Muscle.QUADS, 2)),
              draft(sets(2, 112.5), auxWork("Pause Squat", 3, 95), auxWork("Box Squat", 3, 95)));

      assertThat(aux(out)).containsExactly("3×10 @95", "3×10 @95");
    }

    @Test
    void emptyAuxiliaryRatingsSayNothingAndTheMainRatingsApply() {
      JitOutput out =
          apply(
              f().soreness(Muscle.QUADS, 5).auxiliarySorenessRatings(Map.of()),
              draft(sets(2, 112.5), auxWork("Pause Squat", 3, 95), auxWork("Box Squat", 3, 95)));

      assertThat(aux(out)).containsExactly("skipped", "skipped");
    }

    @Test
    void mrvIsCheckedAgainstTheFinalMainSetsAndCapsTheExercise() {
      // deadlift, hamstrings 16 of 20 → main capped from 8 to 4 sets.
      // Barbell Row: upper_back 18 + 4 × 0.5 = 20 of 22 → room 2 (with the proposed 8 sets it would be 0)
      JitOutput out =
          apply(
              f().primaryLift(Lift.DEADLIFT).oneRmKg(180.0).activeAuxiliaries(List.of("Barbell Row"))
                  .weeklyVolume(Muscle.HAMSTRINGS, 16).weeklyVolume(Muscle.UPPER_BACK, 18),
              draft(sets(8, 145), auxWork("Barbell Row", 3, 122.5)));

      assertThat(out.mainLiftSets()).hasSize(4);
      assertThat(aux(out)).containsExactly("2×10 @122.5");
      assertThat(out.auxiliaryWork().get(0).sets()).extracting(PlannedSet::setNumber).containsExactly(1, 2);
      assertThat(rules(out)).containsExactly(ConstraintRule.MRV_CAP, ConstraintRule.AUXILIARY);
      assertWarningsMatchConstraints(out);
    }

    @Test
    void mrvReachedByTheFinalMainSetsSkipsTheExercise() {
      // quads 16: main capped to 4; Pause Squat: 16 + 4 = 20 → no room. Barbell Row is untouched.
      JitOutput out =
          apply(
              f().activeAuxiliaries(List.of("Pause Squat", "Barbell Row")).weeklyVolume(Muscle.QUADS, 16),
              draft(sets(5, 112.5), auxWork("Pause Squat", 3, 95), auxWork("Barbell Row", 3, 95)));

      assertThat(out.mainLiftSets()).hasSize(4);
      assertThat(aux(out)).containsExactly("skipped", "3×10 @95");
      assertThat(out.auxiliaryWork().get(0).skipReason()).contains("MRV").contains("quads");
    }

    @Test
    void aSkippedMainLiftLeavesTheWholeWeeklyHeadroomToAuxiliaryWork() {
      // hamstrings 20 → deadlift skipped; Barbell Row: upper_back 22 − 18 = 4 ≥ 3
      JitOutput out =
          apply(
              f().primaryLift(Lift.DEADLIFT).oneRmKg(180.0).activeAuxiliaries(List.of("Barbell Row"))
                  .weeklyVolume(Muscle.HAMSTRINGS, 20).weeklyVolume(Muscle.UPPER_BACK, 18),
              draft(sets(2, 145), auxWork("Barbell Row", 3, 122.5)));

      assertThat(out.skippedMainLift()).isTrue();
      assertThat(aux(out)).containsExactly("3×10 @122.5");
    }

    private JitInputBuilder injured(dev.parakeet.jit.engine.model.Severity severity, Lift lift) {
      return f().primaryLift(Lift.DEADLIFT).oneRmKg(200.0)
          .disruption(
              dev.parakeet.jit.engine.model.TrainingDisruption.of(
                  dev.parakeet.jit.engine.model.DisruptionType.INJURY, severity, List.of(lift), "back"));
    }

    @ParameterizedTest(name = "{0} injury skips what shares the lift's muscles")
    @org.junit.jupiter.params.provider.EnumSource(
        value = dev.parakeet.jit.engine.model.Severity.class, names = {"MODERATE"})
    void aModerateInjurySkipsEveryExerciseSharingAMuscleWithTheLift(dev.parakeet.jit.engine.model.Severity severity) {
      JitOutput out =
          apply(
              injured(severity, Lift.DEADLIFT).activeAuxiliaries(List.of("Leg Press", "Barbell Row", "Barbell Curl")),
              draft(sets(1, 100), auxWork("Leg Press", 3, 100), auxWork("Barbell Row", 3, 80), auxWork("Barbell Curl", 3, 50)));

      // Leg Press shares glutes, Barbell Row upper_back; Barbell Curl trains biceps only
      assertThat(aux(out)).containsExactly("skipped", "skipped", "3×10 @50");
      assertThat(out.auxiliaryWork().get(0).skipReason()).isEqualTo("Injury: shares glutes with the injured deadlift");
      assertThat(out.auxiliaryWork().get(1).skipReason()).isEqualTo("Injury: shares upper_back with the injured deadlift");
      assertThat(out.warnings())
          .containsExactly("[constraint] injury — Leg Press skipped", "[constraint] injury — Barbell Row skipped");
      assertThat(out.rationale()).filteredOn(line -> line.startsWith("Injury protection:")).hasSize(1);
    }

    @Test
    void aMinorInjuryCapsTheSharingExercisesAtTheLightestMainWorkingWeight() {
      JitOutput out =
          apply(
              injured(dev.parakeet.jit.engine.model.Severity.MINOR, Lift.DEADLIFT)
                  .activeAuxiliaries(List.of("Block Pull", "Barbell Curl")),
              draft(weights(130, 127.5), auxWork("Block Pull", 3, 135), auxWork("Barbell Curl", 3, 135)));

      assertThat(aux(out)).containsExactly("3×10 @127.5", "3×10 @135");
      assertThat(out.constraintsApplied()).extracting(AppliedConstraint::detail)
          .containsExactly("Block Pull capped at 127.5 kg, the deadlift's working weight (minor injury)");
    }

    @Test
    void aMinorInjuryWithTheMainLiftSkippedSkipsTheSharingExercises() {
      JitOutput out =
          apply(
              injured(dev.parakeet.jit.engine.model.Severity.MINOR, Lift.DEADLIFT)
                  .activeAuxiliaries(List.of("Block Pull", "Barbell Curl")).weeklyVolume(Muscle.HAMSTRINGS, 20),
              draft(sets(2, 130), auxWork("Block Pull", 3, 100), auxWork("Barbell Curl", 3, 30)));

      assertThat(out.skippedMainLift()).isTrue();
      assertThat(aux(out)).containsExactly("skipped", "3×10 @30");
    }

    @Test
    void anInjuryOfAnotherLiftOrAResolvedOneLeavesAuxiliaryWorkAlone() {
      JitOutput otherLift =
          apply(
              injured(dev.parakeet.jit.engine.model.Severity.MODERATE, Lift.BENCH).activeAuxiliaries(List.of("Block Pull")),
              draft(sets(2, 130), auxWork("Block Pull", 3, 135)));
      JitOutput resolved =
          apply(
              f().primaryLift(Lift.DEADLIFT).oneRmKg(200.0).activeAuxiliaries(List.of("Block Pull"))
                  .disruption(
                      new dev.parakeet.jit.engine.model.TrainingDisruption(
                          dev.parakeet.jit.engine.model.DisruptionType.INJURY,
                          dev.parakeet.jit.engine.model.Severity.MODERATE, null, null,
                          dev.parakeet.jit.engine.model.DisruptionStatus.RESOLVED, null, null, null, null)),
              draft(sets(2, 130), auxWork("Block Pull", 3, 135)));

      assertThat(aux(otherLift)).containsExactly("3×10 @135");
      assertThat(aux(resolved)).containsExactly("3×10 @135");
    }

    @Test
    void otherDisruptionsAreNotInjuries() {
      JitOutput out =
          apply(
              f().primaryLift(Lift.DEADLIFT).oneRmKg(200.0).activeAuxiliaries(List.of("Block Pull"))
                  .disruption(
                      dev.parakeet.jit.engine.model.TrainingDisruption.of(
                          dev.parakeet.jit.engine.model.DisruptionType.FATIGUE,
                          dev.parakeet.jit.engine.model.Severity.MODERATE, null, null)),
              draft(sets(1, 130), auxWork("Block Pull", 3, 135)));

      assertThat(aux(out)).containsExactly("3×10 @135");
    }

    @Test
    void mrvCountsTheAuxiliaryWorkKeptBeforeEachExercise() {
      // quads 14 + 2 main = 16: Pause Squat keeps 3 (room 4), Box Squat 1 (room 1), Front Squat none
      JitOutput out =
          apply(
              f().weeklyVolume(Muscle.QUADS, 14).activeAuxiliaries(List.of("Pause Squat", "Box Squat", "Front Squat")),
              draft(sets(2, 112.5), auxWork("Pause Squat", 3, 95), auxWork("Box Squat", 3, 95), auxWork("Front Squat", 3, 90)));

      assertThat(aux(out)).containsExactly("3×10 @95", "1×10 @95", "skipped");
      assertThat(out.auxiliaryWork().get(2).skipReason()).isEqualTo("MRV reached for quads");
    }

    @Test
    void aSkippedExerciseDoesNotCountTowardsTheMrv() {
      // quads 14 + 2 = 16: the skipped Pause Squat leaves Box Squat room for all 3
      JitOutput out =
          apply(
              f().weeklyVolume(Muscle.QUADS, 14),
              draft(sets(2, 112.5), AuxiliaryWork.skipped("Pause Squat", "LLM: skip override"), auxWork("Box Squat", 3, 95)));

      assertThat(aux(out)).containsExactly("skipped", "3×10 @95");
    }

    @Test
    void alreadySkippedWorkIsLeftAsItIs() {
      AuxiliaryWork skipped = AuxiliaryWork.skipped("Pause Squat", "LLM: skip override");
      JitOutput out =
          apply(
              f().activeAuxiliaries(List.of("Pause Squat")).auxiliarySorenessRatings(Map.of(Muscle.QUADS, 5)),
              draft(sets(2, 112.5), skipped));

      assertThat(out.auxiliaryWork()).containsExactly(skipped);
      assertThat(out.constraintsApplied()).isEmpty();
    }
  }

  @Nested
  @DisplayName("7. warm-ups")
  class Warmups {

    @Test
    void areMadeFromTheFinalFirstWorkingSet() {
      // 111 → 110: 44 → 45, 66 → 65, 82.5, 99 → 100
      JitOutput out = apply(noAux(), draft(sets(2, 111)));

      assertThat(warmups(out)).isEqualTo("45×5, 65×3, 82.5×2, 100×1");
      assertThat(out.warmupSets()).extracting(w -> w.setNumber()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void followTheFirstSetWhenSetsDiffer() {
      JitOutput out = apply(noAux(), draft(weights(100, 112.5)));

      assertThat(warmups(out)).isEqualTo("40×5, 60×3, 75×2, 90×1");
    }

    @Test
    void followTheWeightAfterTheCeiling() {
      // 150 → 122.5: 49 → 50, 73.5 → 72.5, 91.875 → 92.5, 110.25 → 110
      JitOutput out = apply(noAux(), draft(sets(2, 150)));

      assertThat(warmups(out)).isEqualTo("50×5, 72.5×3, 92.5×2, 110×1");
    }

    @Test
    void recoveryDraftGetsTheMinimalPreset() {
      SessionDraft recovery = SessionDraft.byFormula(new MainLift.Recovery(sets(3, 45)), List.of(), List.of("r"));

      JitOutput out = apply(noAux().warmupConfig(new WarmupProtocol.Preset(dev.parakeet.jit.engine.model.WarmupPreset.EXTENDED)), recovery);

      assertThat(warmups(out)).isEqualTo("22.5×5, 35×2");
      assertThat(out.intensityModifier()).isEqualTo(0.40);
    }

    @Test
    void honourTheLiftersCustomProtocol() {
      // 0.5 × 112.5 = 56.25 → 57.5
      JitOutput out =
          apply(noAux().warmupConfig(new WarmupProtocol.Custom(List.of(WarmupStep.of(0.5, 6)))), draft(sets(2, 112.5)));

      assertThat(warmups(out)).isEqualTo("57.5×6");
    }
  }

  @Nested
  @DisplayName("Record keeping and modifiers")
  class RecordKeeping {

    @Test
    void everyChangingRuleIsRecordedInOrderWithAConstraintWarning() {
      // quads 18 → 2 sets; 150 > 122.5 → ceiling; aux at 96 → rounding; Pause Squat: 18 + 2 = 20 → skipped
      JitOutput out =
          apply(
              f().activeAuxiliaries(List.of("Pause Squat")).weeklyVolume(Muscle.QUADS, 18),
              draft(sets(4, 150), auxWork("Pause Squat", 3, 96)));

      assertThat(rules(out))
          .containsExactly(
              ConstraintRule.MRV_CAP, ConstraintRule.WEIGHT_CEILING, ConstraintRule.ROUNDING, ConstraintRule.AUXILIARY);
      assertThat(out.constraintsApplied()).allSatisfy(c -> assertThat(c.detail()).isNotBlank());
      assertWarningsMatchConstraints(out);
      assertThat(main(out)).isEqualTo("2×5 @122.5");
      assertThat(aux(out)).containsExactly("skipped");
    }

    @ParameterizedTest(name = "{0} proposed sets over a base of 2 → volumeModifier {1}")
    @CsvSource({"1, 0.5", "2, 1.0", "3, 1.5", "4, 2.0"})
    void volumeModifierIsFinalSetsOverBaseSets(int proposed, double expected) {
      assertThat(apply(noAux(), draft(sets(proposed, 112.5))).volumeModifier()).isEqualTo(expected);
    }

    @Test
    void intensityModifierIsTheStrategysMultiplierWhenNoWeightMoves() {
      // the multiplier before rounding: 0.91 × 112.5 = 102.375, proposed already rounded to 102.5
      assertThat(apply(noAux(), draft(sets(2, 102.5), 0.91)).intensityModifier()).isEqualTo(0.91);
    }

    @Test
    void strategyAndConfidenceArePassedThrough() {
      SessionContext context = SessionContext.of(noAux().build());
      JitOutput out = LAYER.apply(context, draft(sets(2, 112.5)), JitStrategy.FORMULA, Fixtures.NOW);

      assertThat(out.jitStrategy()).isEqualTo(JitStrategy.FORMULA);
      assertThat(out.confidence()).isEqualTo(Confidence.MEDIUM);
    }
  }
}

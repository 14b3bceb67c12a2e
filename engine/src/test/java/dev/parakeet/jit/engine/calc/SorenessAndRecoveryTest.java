package dev.parakeet.jit.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Soreness modifiers, ratings and the recovery session (SPEC §2.6)")
class SorenessAndRecoveryTest {

  @ParameterizedTest(name = "level {0}: −{1} sets, × {2}, recovery {3}")
  @CsvSource({
    "1, 0, 1.00, false",
    "2, 0, 1.00, false",
    "3, 1, 1.00, false",
    "4, 2, 0.95, false"
  })
  void modifierTable(int level, int setReduction, double multiplier, boolean recovery) {
    SorenessModifier modifier = SorenessModifier.forLevel(level);

    assertThat(modifier.setReduction()).isEqualTo(setReduction);
    assertThat(modifier.intensityMultiplier()).isEqualTo(multiplier);
    assertThat(modifier.recovery()).isEqualTo(recovery);
  }

  @Test
  void levelFiveIsARecoverySession() {
    assertThat(SorenessModifier.forLevel(5).recovery()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 6, -1})
  void levelsOutsideOneToFiveAreRejected(int level) {
    assertThatThrownBy(() -> SorenessModifier.forLevel(level)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnratedMuscleCountsAsFresh() {
    MuscleRatings ratings = MuscleRatings.of(Map.of(Muscle.QUADS, 4));

    assertThat(ratings.level(Muscle.QUADS)).isEqualTo(4);
    assertThat(ratings.level(Muscle.CHEST)).isEqualTo(1);
    assertThat(MuscleRatings.of(null).level(Muscle.GLUTES)).isEqualTo(1);
  }

  @Test
  void worstIsTheHighestRatingAmongTheAskedMuscles() {
    MuscleRatings ratings = MuscleRatings.of(Map.of(Muscle.GLUTES, 3, Muscle.LOWER_BACK, 3, Muscle.CHEST, 5));

    MuscleRatings.Worst worst = ratings.worst(List.of(Muscle.QUADS, Muscle.GLUTES, Muscle.LOWER_BACK));

    assertThat(worst.level()).isEqualTo(3);
    assertThat(worst.muscle()).isEqualTo(Muscle.GLUTES); // first on ties
    assertThat(ratings.worst(List.of(Muscle.QUADS))).isEqualTo(new MuscleRatings.Worst(Muscle.QUADS, 1));
  }

  private static BaseSets heavyBlock1(double oneRm) {
    return BaseSetCalculator.calculate(FormulaConfig.DEFAULTS, 1, IntensityType.HEAVY, oneRm);
  }

  @Test
  void recoverySessionIsThreeFivesAtFortyPercentOfBaseRpeFive() {
    // base 112.5 → 0.40 × 112.5 = 45
    assertThat(RecoverySession.sets(heavyBlock1(140), 2.5))
        .containsExactly(
            new PlannedSet(1, 45, 5, 5.0, null),
            new PlannedSet(2, 45, 5, 5.0, null),
            new PlannedSet(3, 45, 5, 5.0, null));
  }

  @ParameterizedTest(name = "1RM {0}: base {1} → recovery {2}")
  @CsvSource({
    // 0.8 × 100 = 80 → 0.4 × 80 = 32 → 32.5
    "100, 80, 32.5",
    // 0.8 × 40 = 32 → 32.5 → 0.4 × 32.5 = 13 → 12.5 → the bar
    "40, 32.5, 20",
    // 0.8 × 62.5 = 50 → 20 exactly
    "62.5, 50, 20",
    // 0.8 × 180 = 144 → 145 → 58 → 57.5
    "180, 145, 57.5"
  })
  void recoveryWeightIsNeverBelowTheBar(double oneRm, double base, double expected) {
    BaseSets sets = heavyBlock1(oneRm);
    assertThat(sets.weightKg()).isEqualTo(base);
    assertThat(RecoverySession.weight(sets, 2.5)).isEqualTo(expected);
  }
}

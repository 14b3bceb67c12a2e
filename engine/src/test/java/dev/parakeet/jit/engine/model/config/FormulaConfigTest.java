package dev.parakeet.jit.engine.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Formula config defaults and deep merge (SPEC §2.2)")
class FormulaConfigTest {

  private static final FormulaConfig D = FormulaConfig.DEFAULTS;

  private static FormulaConfig only(BlockConfig block1) {
    return new FormulaConfig(block1, null, null, null, null, null, null);
  }

  @ParameterizedTest(name = "block {0} heavy {1} {2}×{3} RPE {4}, explosive {5} {6}×{7} RPE {8}")
  @CsvSource({
    "1, 0.80, 2, 5, 8.5, 0.65, 3, 8, 7.0",
    "2, 0.85, 2, 3, 9.0, 0.70, 2, 6, 7.5",
    "3, 0.90, 4, 1, 9.5, 0.75, 2, 2, 8.0"
  })
  void heavyAndExplosiveDefaults(
      int block, double heavyPct, int heavySets, int heavyReps, double heavyRpe,
      double explosivePct, int explosiveSets, int explosiveReps, double explosiveRpe) {
    BlockConfig row = D.block(block);

    assertThat(row.heavy().pct()).isEqualTo(heavyPct);
    assertThat(row.heavy().sets()).isEqualTo(heavySets);
    assertThat(row.heavy().reps()).isEqualTo(heavyReps);
    assertThat(row.heavy().rpeTarget()).isEqualTo(heavyRpe);
    assertThat(row.explosive())
        .isEqualTo(new FixedScheme(explosivePct, explosiveSets, explosiveReps, null, explosiveRpe));
  }

  @Test
  void onlyBlockThreeHeavyHasARepsMax() {
    assertThat(D.block1().heavy().repsMax()).isNull();
    assertThat(D.block2().heavy().repsMax()).isNull();
    assertThat(D.block3().heavy().repsMax()).isEqualTo(2);
  }

  @ParameterizedTest(name = "block {0} rep {1} {2}–{3} sets × {4}–{5} RPE {6}")
  @CsvSource({
    "1, 0.70, 2, 3, 8, 12, 8.0",
    "2, 0.80, 2, 3, 4, 8, 8.0",
    "3, 0.85, 2, 3, 3, 5, 8.5"
  })
  void repDayDefaults(
      int block, double pct, int setsMin, int setsMax, int repsMin, int repsMax, double rpe) {
    assertThat(D.block(block).rep())
        .isEqualTo(new RangeScheme(pct, setsMin, setsMax, repsMin, repsMax, rpe));
  }

  @Test
  void deloadProgressionTrainingMaxAndRoundingDefaults() {
    assertThat(D.deload()).isEqualTo(new DeloadScheme(0.40, 3, 5, 5.0));
    assertThat(D.progressiveOverload().heavyPctIncrementPerBlock()).isEqualTo(0.05);
    assertThat(D.trainingMaxIncrease())
        .isEqualTo(new TrainingMaxIncrease(2.5, 5.0, 5.0, 10.0, 5.0, 10.0));
    assertThat(D.roundingIncrementKg()).isEqualTo(2.5);
  }

  @Test
  void noOverrideResolvesToTheDefaults() {
    assertThat(FormulaConfig.resolve(null)).isEqualTo(D);
    assertThat(FormulaConfig.resolve(new FormulaConfig(null, null, null, null, null, null, null)))
        .isEqualTo(D);
  }

  @Test
  void aSingleLeafOverrideReplacesOnlyThatPath() {
    FormulaConfig merged =
        FormulaConfig.resolve(only(new BlockConfig(new FixedScheme(0.75, null, null, null, null), null, null)));

    assertThat(merged.block1().heavy()).isEqualTo(new FixedScheme(0.75, 2, 5, null, 8.5));
    assertThat(merged.block1().explosive()).isEqualTo(D.block1().explosive());
    assertThat(merged.block1().rep()).isEqualTo(D.block1().rep());
    assertThat(merged.block2()).isEqualTo(D.block2());
    assertThat(merged.block3()).isEqualTo(D.block3());
    assertThat(merged.deload()).isEqualTo(D.deload());
    assertThat(merged.progressiveOverload()).isEqualTo(D.progressiveOverload());
    assertThat(merged.trainingMaxIncrease()).isEqualTo(D.trainingMaxIncrease());
    assertThat(merged.roundingIncrementKg()).isEqualTo(2.5);
  }

  @Test
  void aNestedOverrideKeepsTheSiblingLeavesOfItsRow() {
    FormulaConfig merged =
        FormulaConfig.resolve(
            new FormulaConfig(
                null, null,
                new BlockConfig(new FixedScheme(null, null, 2, null, null), null,
                    new RangeScheme(null, null, 4, null, null, 9.0)),
                null, null, null, null));

    assertThat(merged.block3().heavy()).isEqualTo(new FixedScheme(0.90, 4, 2, 2, 9.5));
    assertThat(merged.block3().rep()).isEqualTo(new RangeScheme(0.85, 2, 4, 3, 5, 9.0));
    assertThat(merged.block3().explosive()).isEqualTo(D.block3().explosive());
  }

  @Test
  void deloadTrainingMaxAndRoundingMergeIndependently() {
    FormulaConfig merged =
        FormulaConfig.resolve(
            new FormulaConfig(
                null, null, null,
                new DeloadScheme(null, 2, null, null),
                new ProgressiveOverload(0.10),
                new TrainingMaxIncrease(null, 7.5, null, null, null, null),
                1.25));

    assertThat(merged.deload()).isEqualTo(new DeloadScheme(0.40, 2, 5, 5.0));
    assertThat(merged.progressiveOverload().heavyPctIncrementPerBlock()).isEqualTo(0.10);
    assertThat(merged.trainingMaxIncrease())
        .isEqualTo(new TrainingMaxIncrease(2.5, 7.5, 5.0, 10.0, 5.0, 10.0));
    assertThat(merged.roundingIncrementKg()).isEqualTo(1.25);
    assertThat(merged.block1()).isEqualTo(D.block1());
  }

  @Test
  void mergingDoesNotAlterTheDefaults() {
    FormulaConfig.resolve(only(new BlockConfig(new FixedScheme(0.5, 9, 9, 9, 9.0), null, null)));

    assertThat(FormulaConfig.DEFAULTS.block1().heavy()).isEqualTo(new FixedScheme(0.80, 2, 5, null, 8.5));
  }

  @Test
  void blockOutsideOneToThreeIsRejected() {
    assertThatThrownBy(() -> D.block(4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> D.block(0)).isInstanceOf(IllegalArgumentException.class);
  }
}

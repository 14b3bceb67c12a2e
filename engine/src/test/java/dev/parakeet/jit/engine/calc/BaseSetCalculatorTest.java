package dev.parakeet.jit.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.RepsRange;
import dev.parakeet.jit.engine.model.config.BlockConfig;
import dev.parakeet.jit.engine.model.config.FixedScheme;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import dev.parakeet.jit.engine.model.config.RangeScheme;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Base sets, calculateSets (SPEC §2.3)")
class BaseSetCalculatorTest {

  private static BaseSets defaults(int block, IntensityType intensity, double oneRm) {
    return BaseSetCalculator.calculate(FormulaConfig.DEFAULTS, block, intensity, oneRm);
  }

  private static FormulaConfig override(FormulaConfig partial) {
    return FormulaConfig.resolve(partial);
  }

  private static FormulaConfig block1(BlockConfig block) {
    return override(new FormulaConfig(block, null, null, null, null, null, null));
  }

  /** Weights by hand at 1RM 140 (rounded at 2.5); a blank range means none. */
  @ParameterizedTest(name = "block {0} {1}: {2}×{3} @{4}, RPE {5}, range [{6},{7}]")
  @CsvSource({
    // 0.80 × 140 = 112 → 112.5
    "1, HEAVY, 2, 5, 112.5, 8.5, ,",
    // 0.65 × 140 = 91 → 90
    "1, EXPLOSIVE, 3, 8, 90, 7.0, ,",
    // 0.70 × 140 = 98 → 97.5; round((2+3)/2.0) = 3 sets
    "1, REP, 3, 8, 97.5, 8.0, 8, 12",
    // 0.85 × 140 = 119 → 120
    "2, HEAVY, 2, 3, 120, 9.0, ,",
    "2, EXPLOSIVE, 2, 6, 97.5, 7.5, ,",
    // 0.80 × 140 = 112 → 112.5
    "2, REP, 3, 4, 112.5, 8.0, 4, 8",
    // 0.90 × 140 = 126 → 125; reps_max 2 > reps 1
    "3, HEAVY, 4, 1, 125, 9.5, 1, 2",
    "3, EXPLOSIVE, 2, 2, 105, 8.0, ,",
    "3, REP, 3, 3, 120, 8.5, 3, 5",
  })
  void everyBlockAndIntensityFromTheDefaults(
      int block, IntensityType intensity, int sets, int reps, double weight, double rpe,
      Integer rangeMin, Integer rangeMax) {
    BaseSets base = defaults(block, intensity, 140);

    RepsRange range = rangeMin == null ? null : new RepsRange(rangeMin, rangeMax);
    assertThat(base.sets())
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, sets)
                .mapToObj(n -> new PlannedSet(n, weight, reps, rpe, range))
                .toList());
    assertThat(base.weightKg()).isEqualTo(weight);
    assertThat(base.count()).isEqualTo(sets);
  }

  @ParameterizedTest(name = "deload in block {0}: 3×5 @55, RPE 5")
  @ValueSource(ints = {1, 2, 3})
  void deloadUsesTheDeloadRowWhateverTheBlock(int block) {
    BaseSets base = defaults(block, IntensityType.DELOAD, 140);

    // 0.40 × 140 = 56 → 55
    assertThat(base.sets())
        .containsExactly(
            new PlannedSet(1, 55, 5, 5.0, null),
            new PlannedSet(2, 55, 5, 5.0, null),
            new PlannedSet(3, 55, 5, 5.0, null));
  }

  @Test
  void deloadIgnoresAnOverriddenBlockRow() {
    FormulaConfig config =
        block1(new BlockConfig(new FixedScheme(1.0, 9, 9, null, 10.0), null, null));

    assertThat(BaseSetCalculator.calculate(config, 1, IntensityType.DELOAD, 140).sets())
        .hasSize(3)
        .allSatisfy(set -> assertThat(set.weightKg()).isEqualTo(55));
  }

  @ParameterizedTest(name = "sets {0}–{1} → {2} sets")
  @CsvSource({"2, 3, 3", "2, 2, 2", "1, 2, 2", "3, 5, 4", "1, 4, 3", "4, 4, 4", "1, 10, 6"})
  void repDayTakesTheRoundedMeanOfTheSetRange(int setsMin, int setsMax, int expected) {
    FormulaConfig config =
        block1(new BlockConfig(null, null, new RangeScheme(null, setsMin, setsMax, null, null, null)));

    BaseSets base = BaseSetCalculator.calculate(config, 1, IntensityType.REP, 140);

    assertThat(base.count()).isEqualTo(expected);
    assertThat(base.sets()).extracting(PlannedSet::setNumber)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, expected).boxed().toList());
  }

  @Test
  void repDaySetsCarryRepsMinAndTheRepRange() {
    FormulaConfig config =
        block1(new BlockConfig(null, null, new RangeScheme(0.5, 1, 1, 6, 10, 7.5)));

    // 0.5 × 140 = 70
    assertThat(BaseSetCalculator.calculate(config, 1, IntensityType.REP, 140).sets())
        .containsExactly(new PlannedSet(1, 70, 6, 7.5, new RepsRange(6, 10)));
  }

  @Test
  void fixedDayHasARangeOnlyWhenRepsMaxIsGreaterThanReps() {
    FormulaConfig wider =
        block1(new BlockConfig(new FixedScheme(null, null, 3, 5, null), null, null));
    FormulaConfig equal =
        block1(new BlockConfig(new FixedScheme(null, null, 5, 5, null), null, null));

    assertThat(BaseSetCalculator.calculate(wider, 1, IntensityType.HEAVY, 140).first().repsRange())
        .isEqualTo(new RepsRange(3, 5));
    assertThat(BaseSetCalculator.calculate(equal, 1, IntensityType.HEAVY, 140).first().repsRange())
        .isNull();
  }

  @Test
  void baseWeightUsesTheConfiguredIncrement() {
    FormulaConfig byFive = override(new FormulaConfig(null, null, null, null, null, null, 5.0));

    // 0.80 × 140 = 112 → 110 at 5 kg
    assertThat(BaseSetCalculator.calculate(byFive, 1, IntensityType.HEAVY, 140).weightKg())
        .isEqualTo(110);
  }

  @Test
  void takeRenumbersAndRepeatsTheLastBaseSetBeyondTheBase() {
    BaseSets base = defaults(3, IntensityType.HEAVY, 140);

    assertThat(base.take(6, 100))
        .containsExactly(
            new PlannedSet(1, 100, 1, 9.5, new RepsRange(1, 2)),
            new PlannedSet(2, 100, 1, 9.5, new RepsRange(1, 2)),
            new PlannedSet(3, 100, 1, 9.5, new RepsRange(1, 2)),
            new PlannedSet(4, 100, 1, 9.5, new RepsRange(1, 2)),
            new PlannedSet(5, 100, 1, 9.5, new RepsRange(1, 2)),
            new PlannedSet(6, 100, 1, 9.5, new RepsRange(1, 2)));
    assertThat(base.take(1, 80)).containsExactly(new PlannedSet(1, 80, 1, 9.5, new RepsRange(1, 2)));
  }
}

package dev.parakeet.jit.engine.validation;

import static dev.parakeet.jit.engine.testing.Fixtures.f;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.Landmark;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.config.BlockConfig;
import dev.parakeet.jit.engine.model.config.DeloadScheme;
import dev.parakeet.jit.engine.model.config.FixedScheme;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import dev.parakeet.jit.engine.model.config.RangeScheme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Cross-field input rules on the merged view (SPEC §1.2, §2.2, §2.5)")
class InputRulesTest {

  private static List<Violation> check(FormulaConfig override) {
    return InputRules.check(f().formulaConfig(override).build());
  }

  private static FormulaConfig block(int number, BlockConfig block) {
    return new FormulaConfig(
        number == 1 ? block : null, number == 2 ? block : null, number == 3 ? block : null,
        null, null, null, null);
  }

  private static FormulaConfig rep(int number, RangeScheme rep) {
    return block(number, new BlockConfig(null, null, rep));
  }

  private static FormulaConfig heavy(int number, FixedScheme heavy) {
    return block(number, new BlockConfig(heavy, null, null));
  }

  private static List<String> paths(List<Violation> violations) {
    return violations.stream().map(Violation::path).toList();
  }

  @Test
  void defaultsAndAbsentConfigAreValid() {
    assertThat(InputRules.check(f().build())).isEmpty();
    assertThat(check(new FormulaConfig(null, null, null, null, null, null, null))).isEmpty();
  }

  @Test
  void setsMinUpToTheDefaultSetsMaxIsValid() {
    // block 1 rep defaults to 2–3 sets: raising sets_min to 3 alone is fine
    assertThat(check(rep(1, new RangeScheme(null, 3, null, null, null, null)))).isEmpty();
  }

  @Test
  void setsMinAboveTheMergedSetsMaxIsRejected() {
    List<Violation> violations = check(rep(1, new RangeScheme(null, 4, null, null, null, null)));

    assertThat(paths(violations)).containsExactly("formulaConfig.block1.rep.sets_min");
    assertThat(violations.get(0).message()).contains("sets_max").contains("3").contains("4");
  }

  @Test
  void setsMaxBelowTheDefaultSetsMinIsRejected() {
    // sets_max 1 under the default sets_min 2
    assertThat(paths(check(rep(2, new RangeScheme(null, null, 1, null, null, null)))))
        .containsExactly("formulaConfig.block2.rep.sets_min");
  }

  @Test
  void repsMinAboveRepsMaxIsRejected() {
    // block 3 rep: reps 3–5 by default
    assertThat(paths(check(rep(3, new RangeScheme(null, null, null, 6, null, null)))))
        .containsExactly("formulaConfig.block3.rep.reps_min");
    assertThat(check(rep(3, new RangeScheme(null, null, null, 5, null, null)))).isEmpty();
  }

  @Test
  void repsAboveTheMergedRepsMaxIsRejected() {
    // block 3 heavy defaults to 1 rep, reps_max 2: 3 reps alone breaks it
    assertThat(paths(check(heavy(3, new FixedScheme(null, null, 3, null, null)))))
        .containsExactly("formulaConfig.block3.heavy.reps");
    assertThat(check(heavy(3, new FixedScheme(null, null, 3, 5, null)))).isEmpty();
    assertThat(check(heavy(3, new FixedScheme(null, null, 2, null, null)))).isEmpty();
    // block 1 heavy has no reps_max: a reps_max under its 5 reps is wrong
    assertThat(paths(check(heavy(1, new FixedScheme(null, null, null, 3, null)))))
        .containsExactly("formulaConfig.block1.heavy.reps");
  }

  @ParameterizedTest(name = "rpe {0} is not a half point")
  @ValueSource(doubles = {8.25, 7.1, 9.75, 5.3})
  void rpeTargetsMoveInHalfPoints(double rpe) {
    assertThat(paths(check(heavy(2, new FixedScheme(null, null, null, null, rpe)))))
        .containsExactly("formulaConfig.block2.heavy.rpe_target");
    assertThat(paths(check(rep(1, new RangeScheme(null, null, null, null, null, rpe)))))
        .containsExactly("formulaConfig.block1.rep.rpe_target");
    assertThat(
            paths(
                check(new FormulaConfig(null, null, null, new DeloadScheme(null, null, null, rpe), null, null, null))))
        .containsExactly("formulaConfig.deload.rpe_target");
  }

  @ParameterizedTest(name = "rpe {0} is fine")
  @ValueSource(doubles = {5.0, 7.5, 8.0, 10.0})
  void halfPointRpesAreValid(double rpe) {
    assertThat(check(block(1, new BlockConfig(null, new FixedScheme(null, null, null, null, rpe), null)))).isEmpty();
  }

  @Test
  void mrvMustBeAboveMev() {
    assertThat(paths(InputRules.check(f().mrvMevConfig(Map.of(Muscle.QUADS, Landmark.of(10, 10))).build())))
        .containsExactly("mrvMevConfig.quads.mrv");
    assertThat(paths(InputRules.check(f().mrvMevConfig(Map.of(Muscle.CHEST, Landmark.of(12, 10))).build())))
        .containsExactly("mrvMevConfig.chest.mrv");
    assertThat(InputRules.check(f().mrvMevConfig(Map.of(Muscle.QUADS, Landmark.of(10, 11))).build())).isEmpty();
    assertThat(InputRules.check(f().mrvMevConfig(Map.of(Muscle.GLUTES, Landmark.of(0, 1))).build())).isEmpty();
  }

  @Test
  void everyViolationIsListed() {
    FormulaConfig config =
        new FormulaConfig(
            new BlockConfig(
                new FixedScheme(null, null, null, 3, 8.2), null, new RangeScheme(null, 5, 4, 9, 8, null)),
            null, null, null, null, null, null);

    List<Violation> violations =
        InputRules.check(
            f().formulaConfig(config).mrvMevConfig(Map.of(Muscle.QUADS, Landmark.of(20, 20))).build());

    assertThat(paths(violations))
        .containsExactlyInAnyOrder(
            "formulaConfig.block1.heavy.rpe_target",
            "formulaConfig.block1.heavy.reps",
            "formulaConfig.block1.rep.sets_min",
            "formulaConfig.block1.rep.reps_min",
            "mrvMevConfig.quads.mrv");
  }

  @Test
  void violationReadsAsPathColonMessage() {
    assertThat(new Violation("sorenessRatings.quads", "must be between 1 and 5, was 7"))
        .hasToString("sorenessRatings.quads: must be between 1 and 5, was 7");
  }

  @Test
  void aCustomWarmupMustRampUp() {
    List<Violation> violations =
        InputRules.check(
            f().warmupConfig(
                    new dev.parakeet.jit.engine.model.WarmupProtocol.Custom(
                        List.of(
                            dev.parakeet.jit.engine.model.WarmupStep.of(0.6, 3),
                            dev.parakeet.jit.engine.model.WarmupStep.of(0.4, 5),
                            dev.parakeet.jit.engine.model.WarmupStep.of(0.8, 2),
                            dev.parakeet.jit.engine.model.WarmupStep.of(0.8, 1))))
                .build());

    assertThat(violations)
        .containsExactly(
            new Violation("warmupConfig.steps[1].pct", "must be greater than the previous step's pct (0.6), was 0.4"),
            new Violation("warmupConfig.steps[3].pct", "must be greater than the previous step's pct (0.8), was 0.8"));
  }

  @Test
  void anAscendingCustomWarmupAndThePresetsAreValid() {
    assertThat(
            InputRules.check(
                f().warmupConfig(
                        new dev.parakeet.jit.engine.model.WarmupProtocol.Custom(
                            List.of(
                                dev.parakeet.jit.engine.model.WarmupStep.of(0.0, 10),
                                dev.parakeet.jit.engine.model.WarmupStep.of(0.5, 5),
                                dev.parakeet.jit.engine.model.WarmupStep.of(0.9, 1))))
                    .build()))
        .isEmpty();
    assertThat(InputRules.check(f().warmupConfig(dev.parakeet.jit.engine.model.WarmupProtocol.STANDARD).build()))
        .isEmpty();
  }
}

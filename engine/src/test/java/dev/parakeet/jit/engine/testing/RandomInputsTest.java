package dev.parakeet.jit.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.DisruptionStatus;
import dev.parakeet.jit.engine.model.DisruptionType;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import dev.parakeet.jit.engine.model.WarmupPreset;
import dev.parakeet.jit.engine.model.WarmupProtocol;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import dev.parakeet.jit.engine.port.JitAdjustment;
import dev.parakeet.jit.engine.validation.InputRules;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The generator behind the property tests: valid, reproducible, and covering the edges. */
@DisplayName("RandomInputs generates valid, reproducible, varied inputs")
class RandomInputsTest {

  private static final int N = 3_000;
  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void startValidator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void closeValidator() {
    factory.close();
  }

  private static List<JitInput> inputs(long seed) {
    return RandomInputs.stream(seed, N).toList();
  }

  private static String describe(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(v -> v.getPropertyPath() + ": " + v.getMessage() + " (was " + v.getInvalidValue() + ")")
        .collect(Collectors.joining("; "));
  }

  @Test
  void everyInputSatisfiesTheModelBoundsAndTheCrossFieldRules() {
    for (JitInput input : inputs(RandomInputs.DEFAULT_SEED)) {
      Set<ConstraintViolation<JitInput>> violations = validator.validate(input);
      assertThat(violations).as("%s: %s", input.sessionId(), describe(violations)).isEmpty();
      assertThat(InputRules.check(input)).as(input.sessionId()).isEmpty();
    }
  }

  @Test
  void everyAdjustmentSatisfiesTheModelBounds() {
    RandomInputs random = new RandomInputs(RandomInputs.DEFAULT_SEED);
    for (int i = 0; i < N; i++) {
      JitAdjustment adjustment = random.nextAdjustment(random.next());
      Set<ConstraintViolation<JitAdjustment>> violations = validator.validate(adjustment);
      assertThat(violations).as(describe(violations)).isEmpty();
    }
  }

  @Test
  void theValidatorWouldCatchAnOutOfBoundsInput() {
    // guards the test above against a validator that checks nothing
    JitInput bad = Fixtures.f().soreness(Muscle.QUADS, 7).oneRmKg(700.0).build();

    assertThat(validator.validate(bad)).isNotEmpty();
  }

  @Test
  void theSameSeedGivesTheSameInputs() {
    assertThat(inputs(42)).isEqualTo(inputs(42));
    assertThat(inputs(42)).isNotEqualTo(inputs(43));
  }

  @Test
  void inputsCoverTheInterestingCases() {
    List<JitInput> inputs = inputs(RandomInputs.DEFAULT_SEED);
    Set<Lift> lifts = EnumSet.noneOf(Lift.class);
    Set<IntensityType> intensities = EnumSet.noneOf(IntensityType.class);
    Set<Integer> blocks = new HashSet<>();
    Set<String> disruptionKinds = new HashSet<>();
    Set<DisruptionStatus> statuses = EnumSet.noneOf(DisruptionStatus.class);
    Set<WarmupPreset> presets = EnumSet.noneOf(WarmupPreset.class);
    Set<Double> increments = new HashSet<>();
    int custom = 0;
    int severe = 0;
    int atOrOverMrv = 0;
    int lightLifters = 0;
    int nullAffected = 0;
    int emptyAffected = 0;
    int landmarks = 0;
    int auxRatings = 0;
    for (JitInput input : inputs) {
      lifts.add(input.primaryLift());
      intensities.add(input.intensityType());
      blocks.add(input.blockNumber());
      increments.add(FormulaConfig.resolve(input.formulaConfig()).roundingIncrementKg());
      if (input.activeDisruptions() != null) {
        for (TrainingDisruption d : input.activeDisruptions()) {
          disruptionKinds.add(d.disruptionType() + "/" + d.severity());
          statuses.add(d.effectiveStatus());
          nullAffected += d.affectedLifts() == null ? 1 : 0;
          emptyAffected += d.affectedLifts() != null && d.affectedLifts().isEmpty() ? 1 : 0;
        }
      }
      if (input.warmupConfig() instanceof WarmupProtocol.Preset preset) {
        presets.add(preset.name());
      } else if (input.warmupConfig() instanceof WarmupProtocol.Custom) {
        custom++;
      }
      if (input.sorenessRatings() != null && input.sorenessRatings().containsValue(5)) {
        severe++;
      }
      Map<Muscle, Double> weekly = input.weeklyVolumeToDate();
      if (weekly != null && weekly.getOrDefault(Muscle.QUADS, 0.0) >= 20) {
        atOrOverMrv++;
      }
      lightLifters += input.oneRmKg() < 40 ? 1 : 0;
      landmarks += input.mrvMevConfig() != null ? 1 : 0;
      auxRatings += input.auxiliarySorenessRatings() != null ? 1 : 0;
    }

    assertThat(lifts).containsExactlyInAnyOrder(Lift.values());
    assertThat(intensities).containsExactlyInAnyOrder(IntensityType.values());
    assertThat(blocks).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(disruptionKinds).hasSize(DisruptionType.values().length * Severity.values().length);
    assertThat(statuses).containsExactlyInAnyOrder(DisruptionStatus.values());
    assertThat(presets).containsExactlyInAnyOrder(WarmupPreset.values());
    assertThat(increments).contains(0.5, 1.0, 1.25, 2.0, 2.5, 4.0, 5.0, 10.0);
    assertThat(List.of(custom, severe, atOrOverMrv, lightLifters, nullAffected, emptyAffected, landmarks, auxRatings))
        .allSatisfy(count -> assertThat(count).isGreaterThan(20));
  }

  @Test
  void generatedSessionsReachEveryBranch() {
    var formula = Fixtures.formula();
    int skipped = 0;
    int recovery = 0;
    int capped = 0;
    int floor = 0;
    int ceiling = 0;
    int auxSkipped = 0;
    int noWarmup = 0;
    for (JitInput input : inputs(RandomInputs.DEFAULT_SEED)) {
      JitOutput out = formula.generate(input);
      skipped += out.skippedMainLift() ? 1 : 0;
      recovery += out.intensityModifier() == 0.40 && out.mainLiftSets().size() == 3 ? 1 : 0;
      capped += out.constraintsApplied().stream().anyMatch(c -> c.rule().wire().equals("mrv_cap")) ? 1 : 0;
      floor += out.constraintsApplied().stream().anyMatch(c -> c.rule().wire().equals("weight_floor")) ? 1 : 0;
      ceiling += out.constraintsApplied().stream().anyMatch(c -> c.rule().wire().equals("weight_ceiling")) ? 1 : 0;
      auxSkipped += out.auxiliaryWork().stream().anyMatch(w -> w.skipped()) ? 1 : 0;
      noWarmup += !out.skippedMainLift() && out.warmupSets().isEmpty() ? 1 : 0;
    }

    assertThat(List.of(skipped, recovery, capped, auxSkipped)).allSatisfy(n -> assertThat(n).isGreaterThan(50));
    assertThat(List.of(floor, ceiling, noWarmup)).allSatisfy(n -> assertThat(n).isPositive());
  }
}

package dev.parakeet.jit.engine.strategy.formula;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.calc.AuxiliaryCatalogue;
import dev.parakeet.jit.engine.calc.AuxiliaryExercise;
import dev.parakeet.jit.engine.calc.VolumeLandmarks;
import dev.parakeet.jit.engine.calc.WeightRounding;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.ConstraintRule;
import dev.parakeet.jit.engine.model.DisruptionStatus;
import dev.parakeet.jit.engine.model.DisruptionType;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.Landmark;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.MenstrualPhase;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.RecentLog;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.model.TrainingDisruption;
import dev.parakeet.jit.engine.model.WarmupPreset;
import dev.parakeet.jit.engine.model.WarmupProtocol;
import dev.parakeet.jit.engine.model.WarmupSet;
import dev.parakeet.jit.engine.model.WarmupStep;
import dev.parakeet.jit.engine.model.config.BlockConfig;
import dev.parakeet.jit.engine.model.config.FormulaConfig;
import dev.parakeet.jit.engine.testing.Fixtures;
import dev.parakeet.jit.engine.testing.RandomInputs;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test: a second, deliberately naive reading of SPEC §2–§4 (written from the spec
 * text, not from the main code: its own muscle, multiplier and warm-up tables) must agree with
 * {@link FormulaJitGenerator} on the main sets, skip, warm-ups, auxiliary work and modifiers of
 * thousands of random valid inputs. Only the merged config, the rounding function and the exercise
 * catalogue's data are shared; each has its own unit tests.
 */
@DisplayName("Formula strategy agrees with a spec-derived oracle")
class FormulaOracleTest {

  static final long SEED = RandomInputs.DEFAULT_SEED + 10;
  static final int CASES = 3_000;

  static Stream<Arguments> cases() {
    RandomInputs random = new RandomInputs(SEED);
    return IntStream.range(0, CASES)
        .mapToObj(i -> Arguments.of(Named.of("#" + i, random.next())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void formulaMatchesTheOracle(JitInput input) {
    JitOutput actual = Fixtures.formula().generate(input);
    Expected expected = Oracle.expect(input);
    try {
      assertThat(actual.skippedMainLift()).as("skipped").isEqualTo(expected.skipped);
      List<PlannedSet> actualMain = actual.mainLiftSets();
      if (expected.rangeUnspecified) {
        actualMain = actualMain.stream().map(s -> new PlannedSet(s.setNumber(), s.weightKg(), s.reps(), s.rpeTarget(), null)).toList();
      }
      assertThat(actualMain).as("main sets").isEqualTo(expected.main);
      assertThat(actual.warmupSets()).as("warm-ups").isEqualTo(expected.warmups);
      assertThat(actual.auxiliaryWork().size()).isEqualTo(expected.aux.size());
      for (int i = 0; i < expected.aux.size(); i++) {
        AuxiliaryWork work = actual.auxiliaryWork().get(i);
        ExpectedAux aux = expected.aux.get(i);
        assertThat(work.exercise()).isEqualTo(aux.exercise);
        assertThat(work.skipped()).as("%s skipped", aux.exercise).isEqualTo(aux.skipped);
        if (aux.suppressed) {
          assertThat(work.skipReason()).isEqualTo("Main lift skipped — auxiliary suppressed");
        }
        if (!aux.skipped) {
          assertThat(work.sets()).as("%s sets", aux.exercise).hasSize(aux.sets);
          assertThat(work.sets()).as("%s weight", aux.exercise)
              .extracting(PlannedSet::weightKg).containsOnly(aux.weight);
        }
      }
      double volume = expected.skipped ? 0 : (double) expected.main.size() / expected.baseCount;
      assertThat(actual.volumeModifier()).as("volumeModifier").isCloseTo(volume, org.assertj.core.data.Offset.offset(1e-9));
      boolean weightMoved =
          actual.constraintsApplied().stream()
              .anyMatch(c -> c.rule() == ConstraintRule.WEIGHT_FLOOR
                  || c.rule() == ConstraintRule.WEIGHT_CEILING
                  || c.rule() == ConstraintRule.ROUNDING);
      if (expected.skipped) {
        assertThat(actual.intensityModifier()).isZero();
      } else if (!weightMoved) {
        assertThat(actual.intensityModifier()).as("intensityModifier").isEqualTo(expected.multiplier);
      }
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- input: " + input + "\n--- output: " + actual, e);
    }
  }

  record ExpectedAux(String exercise, boolean skipped, boolean suppressed, int sets, double weight) {}

  static final class Expected {
    boolean skipped;
    List<PlannedSet> main = List.of();
    List<WarmupSet> warmups = List.of();
    List<ExpectedAux> aux = new ArrayList<>();
    double multiplier;
    int baseCount;
    boolean rangeUnspecified;
  }

  /** SPEC §2–§4, read literally. */
  static final class Oracle {

    static final Map<Lift, Map<Muscle, Double>> PRIMARY = new EnumMap<>(Lift.class);
    /** Weekly-volume credit (§2.4): primary plus squat → hamstrings 0.5. */
    static final Map<Lift, Map<Muscle, Double>> CREDIT = new EnumMap<>(Lift.class);

    static {
      PRIMARY.put(Lift.SQUAT, Map.of(Muscle.QUADS, 1.0, Muscle.GLUTES, 1.0, Muscle.LOWER_BACK, 0.5));
      PRIMARY.put(Lift.BENCH, Map.of(Muscle.CHEST, 1.0, Muscle.TRICEPS, 0.5, Muscle.SHOULDERS, 0.5));
      PRIMARY.put(
          Lift.DEADLIFT,
          Map.of(Muscle.HAMSTRINGS, 1.0, Muscle.GLUTES, 1.0, Muscle.LOWER_BACK, 1.0, Muscle.UPPER_BACK, 0.5));
      CREDIT.putAll(PRIMARY);
      CREDIT.put(
          Lift.SQUAT,
          Map.of(Muscle.QUADS, 1.0, Muscle.GLUTES, 1.0, Muscle.LOWER_BACK, 0.5, Muscle.HAMSTRINGS, 0.5));
    }

    static double r(double w, double inc) {
      return WeightRounding.round(w, inc);
    }

    static double multiplier(DisruptionType type, Severity severity) {
      boolean minor = severity == Severity.MINOR;
      return switch (type) {
        case INJURY -> minor ? 0.80 : 0.60;
        case ILLNESS -> minor ? 1.00 : 0.75;
        case TRAVEL -> 0.70;
        case FATIGUE -> minor ? 0.90 : 0.80;
        case EQUIPMENT_UNAVAILABLE -> 1.00;
        case UNPROGRAMMED_EVENT, OTHER -> minor ? 1.00 : 0.90;
      };
    }

    static List<double[]> preset(WarmupPreset preset) {
      return switch (preset) {
        case STANDARD -> List.of(new double[] {0.40, 5}, new double[] {0.60, 3}, new double[] {0.75, 2}, new double[] {0.90, 1});
        case MINIMAL -> List.of(new double[] {0.50, 5}, new double[] {0.75, 2});
        case EXTENDED -> List.of(
            new double[] {0.30, 10}, new double[] {0.50, 5}, new double[] {0.65, 3},
            new double[] {0.80, 2}, new double[] {0.90, 1}, new double[] {0.95, 1});
        case EMPTY_BAR -> List.of(new double[] {0, 10}, new double[] {0.50, 5}, new double[] {0.70, 3}, new double[] {0.85, 1});
      };
    }

    static Expected expect(JitInput in) {
      Expected e = new Expected();
      FormulaConfig cfg = FormulaConfig.resolve(in.formulaConfig());
      double inc = cfg.roundingIncrementKg();
      double oneRm = in.oneRmKg();
      boolean deload = in.intensityType() == IntensityType.DELOAD;

      // §2.3 base
      int baseCount;
      int baseReps;
      double rpe;
      double pct;
      BlockConfig row = cfg.block(in.blockNumber());
      Integer rangeMin = null;
      Integer rangeMax = null;
      switch (in.intensityType()) {
        case DELOAD -> {
          pct = cfg.deload().pct();
          baseCount = cfg.deload().sets();
          baseReps = cfg.deload().reps();
          rpe = cfg.deload().rpeTarget();
        }
        case REP -> {
          pct = row.rep().pct();
          baseCount = (int) Math.round((row.rep().setsMin() + row.rep().setsMax()) / 2.0);
          baseReps = row.rep().repsMin();
          rpe = row.rep().rpeTarget();
          rangeMin = row.rep().repsMin();
          rangeMax = row.rep().repsMax();
        }
        default -> {
          var scheme = in.intensityType() == IntensityType.HEAVY ? row.heavy() : row.explosive();
          pct = scheme.pct();
          baseCount = scheme.sets();
          baseReps = scheme.reps();
          rpe = scheme.rpeTarget();
          if (scheme.repsMax() != null && scheme.repsMax() > scheme.reps()) {
            rangeMin = scheme.reps();
            rangeMax = scheme.repsMax();
          }
        }
      }
      double baseWeight = r(pct * oneRm, inc);
      e.baseCount = baseCount;

      Map<Muscle, Integer> ratings = in.sorenessRatings() == null ? Map.of() : in.sorenessRatings();
      Map<Muscle, Integer> auxRatings =
          in.auxiliarySorenessRatings() != null ? in.auxiliarySorenessRatings() : ratings;
      Map<Muscle, Double> weekly = in.weeklyVolumeToDate() == null ? Map.of() : in.weeklyVolumeToDate();
      Map<Muscle, Landmark> landmarks = VolumeLandmarks.resolve(in.biologicalSex(), in.mrvMevConfig());
      Map<Muscle, Double> primary = PRIMARY.get(in.primaryLift());

      List<TrainingDisruption> relevant = new ArrayList<>();
      if (in.activeDisruptions() != null) {
        for (TrainingDisruption d : in.activeDisruptions()) {
          boolean resolved = d.status() == DisruptionStatus.RESOLVED;
          boolean lifts = d.affectedLifts() == null || d.affectedLifts().isEmpty()
              || d.affectedLifts().contains(in.primaryLift());
          if (!resolved && lifts) {
            relevant.add(d);
          }
        }
      }

      // §3 precedence
      boolean skipped = false;
      boolean recovery = false;
      boolean suppressAux = false;
      boolean illness = false;
      int count = baseCount;
      int reps = baseReps;
      double mult = 1.0;
      double weight;
      double setRpe = rpe;
      if (relevant.stream().anyMatch(d -> d.severity() == Severity.MAJOR)) {
        skipped = true;
        suppressAux = true;
        count = 0;
        mult = 0;
      } else if (!deload) {
        int worst = 1;
        for (Muscle m : primary.keySet()) {
          worst = Math.max(worst, ratings.getOrDefault(m, 1));
        }
        if (in.menstrualPhase() == MenstrualPhase.LATE_LUTEAL) {
          worst = Math.min(5, worst + 1);
        }
        if (worst == 5) {
          recovery = true;
        } else if (!relevant.isEmpty()) {
          boolean moderate = relevant.stream().anyMatch(d -> d.severity() == Severity.MODERATE);
          mult = relevant.stream().mapToDouble(d -> multiplier(d.disruptionType(), d.severity())).min().orElseThrow();
          count = moderate ? (baseCount + 1) / 2 : baseCount;
          if (relevant.stream().anyMatch(d -> d.disruptionType() == DisruptionType.ILLNESS)) {
            reps = Math.max(1, baseReps - 2);
            illness = true;
          }
        } else {
          if (worst == 4) {
            count -= 2;
            mult = 0.95;
          } else {
            if (worst == 3) {
              count -= 1;
            }
            List<Double> deviations = new ArrayList<>();
            for (RecentLog log : in.recentLogs() == null ? List.<RecentLog>of() : in.recentLogs()) {
              if (log.actualRpe() != null && deviations.size() < 2) {
                deviations.add(log.actualRpe() - log.targetRpe());
              }
            }
            if (deviations.size() == 2) {
              double mean = (deviations.get(0) + deviations.get(1)) / 2;
              if (mean >= 1.0 - 1e-9) {
                mult = 0.975;
              } else if (mean <= -1.0 + 1e-9) {
                mult = 1.025;
              }
            }
          }
          if (in.daysSinceLastSession() != null && in.daysSinceLastSession() > 7) {
            count -= 1;
          }
          count = Math.max(1, count);
        }
      }
      if (recovery) {
        count = 3;
        reps = 5;
        setRpe = 5.0;
        mult = 0.40;
        weight = Math.max(20, r(0.40 * baseWeight, inc));
        rangeMin = null;
        rangeMax = null;
      } else {
        mult = skipped ? 0 : Math.max(0.60, mult);
        weight = r(baseWeight * mult, inc);
      }
      e.multiplier = mult;

      // §4.1 mrv_cap
      if (!skipped) {
        for (Map.Entry<Muscle, Double> c : primary.entrySet()) {
          double w = weekly.getOrDefault(c.getKey(), 0.0);
          int mrv = landmarks.get(c.getKey()).mrv();
          double cap = w >= mrv ? 0 : Math.floor((mrv - w) / c.getValue() + 1e-9);
          if (cap < 1) {
            skipped = true;
            count = 0;
            break;
          }
          count = (int) Math.min(count, cap);
        }
      }
      // §4.3–4.5 floor, ceiling, rounding
      boolean repsCut = false;
      if (!skipped) {
        // The floor is the lightest loadable weight at or above max(bar, 40 % of base).
        weight = Math.max(weight, Math.ceil(Math.max(20, r(0.40 * baseWeight, inc)) / inc - 1e-9) * inc);
        // Brzycki for the set's reps, rounded down; under the bar: the bar, with the reps it allows
        double ceiling = WeightRounding.roundDown(oneRm * (37 - reps) / 36.0, inc);
        if (ceiling >= 20) {
          weight = Math.min(weight, ceiling);
        } else {
          double bar = Math.ceil(20 / inc - 1e-9) * inc;
          int most = Math.max(1, (int) Math.floor(37 - 36 * bar / oneRm + 1e-9));
          weight = bar;
          repsCut = most < reps;
          reps = Math.min(reps, most);
        }
        weight = r(weight, inc);
      }
      e.skipped = skipped;
      List<PlannedSet> main = new ArrayList<>();
      // SPEC defines illness as "reps − 2" and is silent on the rep range: not compared then
      e.rangeUnspecified = illness;
      for (int i = 1; i <= count; i++) {
        dev.parakeet.jit.engine.model.RepsRange range =
            rangeMin == null || illness || repsCut ? null : new dev.parakeet.jit.engine.model.RepsRange(rangeMin, rangeMax);
        main.add(new PlannedSet(i, weight, reps, setRpe, range));
      }
      e.main = main;

      // §2.7 warm-ups from the final first set
      if (!main.isEmpty()) {
        List<double[]> steps;
        WarmupProtocol protocol = in.warmupConfig() == null ? WarmupProtocol.STANDARD : in.warmupConfig();
        if (recovery || weight < 40) {
          steps = preset(WarmupPreset.MINIMAL);
        } else if (protocol instanceof WarmupProtocol.Preset p) {
          steps = preset(p.name());
        } else {
          steps = new ArrayList<>();
          for (WarmupStep s : ((WarmupProtocol.Custom) protocol).steps()) {
            steps.add(new double[] {s.pct(), s.reps()});
          }
        }
        List<WarmupSet> warmups = new ArrayList<>();
        double previous = -1;
        for (double[] step : steps) {
          double w = Math.max(20, r(weight * step[0], inc));
          if (w != previous && w < weight) {
            warmups.add(new WarmupSet(warmups.size() + 1, w, (int) step[1]));
            previous = w;
          }
        }
        e.warmups = warmups;
      }

      // §2.8 auxiliary work from the catalogue, then §4 rule 6 against the final main sets
      boolean protocol = !suppressAux && !recovery && !deload && !relevant.isEmpty();
      boolean moderateProtocol = protocol && relevant.stream().anyMatch(d -> d.severity() == Severity.MODERATE);
      Severity injury = null;
      for (TrainingDisruption d : relevant) {
        if (d.disruptionType() == DisruptionType.INJURY && (injury == null || d.severity().compareTo(injury) > 0)) {
          injury = d.severity();
        }
      }
      Map<Muscle, Integer> auxSoreness =
          in.auxiliarySorenessRatings() != null && !in.auxiliarySorenessRatings().isEmpty()
              ? in.auxiliarySorenessRatings()
              : ratings;
      Map<Muscle, Double> kept = new EnumMap<>(Muscle.class);
      for (String exercise : in.activeAuxiliaries() == null ? List.<String>of() : in.activeAuxiliaries()) {
        if (suppressAux) {
          e.aux.add(new ExpectedAux(exercise, true, true, 0, 0));
          continue;
        }
        if (recovery) {
          e.aux.add(new ExpectedAux(exercise, true, false, 0, 0));
          continue;
        }
        AuxiliaryExercise ex = AuxiliaryCatalogue.lookup(exercise, in.primaryLift());
        List<Muscle> muscles = ex.muscles();
        double from =
            ex.loadedFrom() == null || ex.loadedFrom() == in.primaryLift() || in.allOneRmKg() == null
                ? oneRm
                : in.allOneRmKg().getOrDefault(ex.loadedFrom(), oneRm);
        double w = ex.bodyweight() ? 0 : r(ex.load() * from, inc);
        int sets = 3;
        if (deload) {
          w = r(0.5 * w, inc);
          sets = 2;
        }
        int worst = 1;
        for (Muscle m : muscles) {
          worst = Math.max(worst, auxSoreness.getOrDefault(m, 1));
        }
        if (worst == 5) {
          e.aux.add(new ExpectedAux(exercise, true, false, 0, 0));
          continue;
        }
        if (protocol) {
          w = r(w * mult, inc);
          if (moderateProtocol) {
            sets = Math.min(sets, 2);
          }
        } else {
          if (worst >= 3) {
            sets = 2;
          }
          if (worst == 4) {
            w = r(w * 0.95, inc);
          }
        }
        boolean shares = muscles.stream().anyMatch(primary::containsKey);
        if (injury != null && shares) {
          if (injury != Severity.MINOR || count == 0) {
            e.aux.add(new ExpectedAux(exercise, true, false, 0, 0));
            continue;
          }
          w = Math.min(w, WeightRounding.roundDown(weight, inc));
        }
        double room = Double.POSITIVE_INFINITY;
        for (Muscle m : muscles) {
          double projected = weekly.getOrDefault(m, 0.0)
              + count * CREDIT.get(in.primaryLift()).getOrDefault(m, 0.0)
              + kept.getOrDefault(m, 0.0);
          room = Math.min(room, landmarks.get(m).mrv() - projected);
        }
        if (room < 1 - 1e-9) {
          e.aux.add(new ExpectedAux(exercise, true, false, 0, 0));
          continue;
        }
        sets = (int) Math.min(sets, Math.floor(room + 1e-9));
        for (Muscle m : muscles) {
          kept.merge(m, (double) sets, Double::sum);
        }
        e.aux.add(new ExpectedAux(exercise, false, false, sets, w));
      }
      return e;
    }
  }
}

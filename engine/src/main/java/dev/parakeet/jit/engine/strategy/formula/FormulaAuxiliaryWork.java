package dev.parakeet.jit.engine.strategy.formula;

import dev.parakeet.jit.engine.calc.AuxiliaryCatalogue;
import dev.parakeet.jit.engine.calc.AuxiliaryLimits;
import dev.parakeet.jit.engine.calc.AuxiliaryPrescription;
import dev.parakeet.jit.engine.calc.MuscleRatings;
import dev.parakeet.jit.engine.calc.WeightRounding;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.session.SessionContext;
import java.util.ArrayList;
import java.util.List;

/** The formula's auxiliary work (SPEC §2.8): one entry per active exercise, in input order. */
final class FormulaAuxiliaryWork {

  static final String SUPPRESSED = "Main lift skipped — auxiliary suppressed";
  static final String RECOVERY = "Recovery session — auxiliary work skipped";
  static final double HIGH_SORENESS_MULTIPLIER = 0.95;

  /** Why the whole auxiliary list may be off today. */
  enum Day {
    NORMAL,
    /** The main lift is skipped because of a disruption. */
    MAIN_LIFT_SKIPPED,
    RECOVERY
  }

  /** The work, and the MRV warnings building it raised. */
  record Plan(List<AuxiliaryWork> work, List<String> warnings) {}

  private FormulaAuxiliaryWork() {}

  static Plan build(SessionContext context, int mainWorkingSets, Day day) {
    List<String> exercises = context.activeAuxiliaries();
    List<AuxiliaryWork> work = new ArrayList<>(exercises.size());
    List<String> warnings = new ArrayList<>(0);
    Prescriptions prescriptions = new Prescriptions();
    for (int i = 0; i < exercises.size(); i++) {
      String exercise = exercises.get(i);
      work.add(
          switch (day) {
            case MAIN_LIFT_SKIPPED -> AuxiliaryWork.skipped(exercise, SUPPRESSED);
            case RECOVERY -> AuxiliaryWork.skipped(exercise, RECOVERY);
            case NORMAL -> prescribe(context, exercise, mainWorkingSets, warnings, prescriptions);
          });
    }
    return new Plan(work, warnings);
  }

  /**
   * Exercises of one session usually get the same sets; the immutable list is built once and
   * shared instead of once per exercise.
   */
  private static final class Prescriptions {
    private int count = -1;
    private double weight;
    private List<PlannedSet> sets;

    List<PlannedSet> sets(int count, double weight) {
      if (count != this.count || weight != this.weight) {
        this.count = count;
        this.weight = weight;
        this.sets = AuxiliaryPrescription.sets(count, weight);
      }
      return sets;
    }
  }

  private static AuxiliaryWork prescribe(
      SessionContext context,
      String exercise,
      int mainWorkingSets,
      List<String> warnings,
      Prescriptions prescriptions) {
    List<Muscle> muscles = AuxiliaryCatalogue.musclesOf(exercise, context.lift());
    AuxiliaryPrescription start = context.auxiliaryStart();
    int sets = start.sets();
    double weight = start.weightKg();

    MuscleRatings.Worst sore = context.auxiliarySoreness().worst(muscles);
    switch (sore.level()) {
      case 5 -> {
        return AuxiliaryWork.skipped(exercise, "Soreness 5 in " + sore.muscle().wire());
      }
      case 4 -> {
        sets = AuxiliaryPrescription.REDUCED_SETS;
        weight = WeightRounding.round(weight * HIGH_SORENESS_MULTIPLIER, context.increment());
      }
      case 3 -> sets = AuxiliaryPrescription.REDUCED_SETS;
      default -> {
        // fresh or mild: as prescribed
      }
    }

    AuxiliaryLimits.MrvRoom room =
        AuxiliaryLimits.mrvRoom(
            muscles, context.lift(), mainWorkingSets, context.weeklyVolume(), context.landmarks());
    if (room.exhausted()) {
      String muscle = room.muscle().wire();
      warnings.add("MRV reached for " + muscle + " — " + exercise + " skipped");
      return AuxiliaryWork.skipped(exercise, "MRV reached for " + muscle);
    }
    return AuxiliaryWork.prescribed(
        exercise, prescriptions.sets(Math.min(sets, room.maxSets()), weight));
  }
}

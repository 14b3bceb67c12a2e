package dev.parakeet.jit.engine.strategy.formula;

import dev.parakeet.jit.engine.calc.AuxiliaryCatalogue;
import dev.parakeet.jit.engine.calc.AuxiliaryExercise;
import dev.parakeet.jit.engine.calc.AuxiliaryPrescription;
import dev.parakeet.jit.engine.calc.MuscleRatings;
import dev.parakeet.jit.engine.calc.SorenessModifier;
import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.Severity;
import dev.parakeet.jit.engine.session.AuxiliarySkips;
import dev.parakeet.jit.engine.session.SessionContext;
import java.util.List;

/**
 * The formula's auxiliary work (SPEC §2.8 steps 1–5): one entry per active exercise, in input
 * order, from the exercise catalogue. MRV and injury protection are not applied here: they are
 * hard constraints (SPEC §4 rule 6), checked against the final main sets for every strategy.
 */
final class FormulaAuxiliaryWork {

  /** The disruption protocol the main lift followed, which the auxiliary work follows too (§3 P3). */
  record Protocol(Severity severity, double multiplier) {}

  private FormulaAuxiliaryWork() {}

  /** Every exercise skipped for one reason (a recovery session, a suppressed main lift). */
  static List<AuxiliaryWork> skippedAll(SessionContext context, String reason) {
    List<String> exercises = context.activeAuxiliaries();
    AuxiliaryWork[] work = new AuxiliaryWork[exercises.size()];
    for (int i = 0; i < work.length; i++) {
      work[i] = AuxiliaryWork.skipped(exercises.get(i), reason);
    }
    return List.of(work);
  }

  /**
   * @param protocol the disruption protocol applied to the main lift, or {@code null}
   */
  static List<AuxiliaryWork> build(SessionContext context, Protocol protocol) {
    List<String> exercises = context.activeAuxiliaries();
    AuxiliaryWork[] work = new AuxiliaryWork[exercises.size()];
    for (int i = 0; i < work.length; i++) {
      work[i] = prescribe(context, exercises.get(i), protocol, i == 0 ? null : work[i - 1]);
    }
    return List.of(work);
  }

  /**
   * @param previous the exercise before, whose immutable sets are shared when they are the same
   *     (two variants of one lift often are: Pause Squat and Box Squat)
   */
  private static AuxiliaryWork prescribe(
      SessionContext context, String exercise, Protocol protocol, AuxiliaryWork previous) {
    AuxiliaryExercise row = AuxiliaryCatalogue.lookup(exercise, context.lift());
    AuxiliaryPrescription prescription = context.auxiliaryStart(row);
    MuscleRatings.Worst sore = context.auxiliarySoreness().worst(row.muscles());
    SorenessModifier soreness = SorenessModifier.forLevel(sore.level());
    if (soreness.recovery()) {
      return AuxiliaryWork.skipped(exercise, AuxiliarySkips.severeSoreness(sore.muscle()));
    }
    if (protocol != null) {
      // The disruption already lightens the work; soreness short of 5 is not counted again.
      prescription = prescription.times(protocol.multiplier(), context.increment());
      if (protocol.severity() == Severity.MODERATE) {
        prescription = prescription.atMost(AuxiliaryPrescription.REDUCED_SETS);
      }
    } else if (soreness.setReduction() > 0) {
      prescription =
          prescription
              .atMost(AuxiliaryPrescription.REDUCED_SETS)
              .times(soreness.intensityMultiplier(), context.increment());
    }
    List<PlannedSet> sets =
        previous != null && prescription.describes(previous.sets()) ? previous.sets() : prescription.toSets();
    return AuxiliaryWork.prescribed(exercise, sets);
  }
}

package dev.parakeet.jit.engine.constraint;

import dev.parakeet.jit.engine.calc.BaseSets;
import dev.parakeet.jit.engine.calc.RpeTrend;
import dev.parakeet.jit.engine.calc.SorenessModifier;
import dev.parakeet.jit.engine.calc.WeightRounding;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.session.MainLift;
import dev.parakeet.jit.engine.session.Phrases;
import dev.parakeet.jit.engine.session.SessionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC §4 rule 0's envelope for a language model's proposal. A model may move a session a little
 * on its own judgement — one set below the programme, 90–105 % of its weight — and further only
 * when a named signal in the lifter's state supports it: a signal to cut (an active disruption,
 * high soreness, recent sessions harder than planned, poor sleep, a deload) allows going lower or
 * skipping, a signal to push (recent sessions easier than planned) allows going higher. A deload
 * is never raised. Outside the envelope the proposal is clamped to its edge.
 */
final class OverreactionGuard {

  /** Without a cut signal: not below this fraction of the base weight… */
  static final double LOWEST_OF_BASE = 0.90;

  /** …nor more than this many sets below the base count. */
  static final int SETS_BELOW_BASE = 1;

  /** Without an easy signal: not above this fraction of the base weight, and no added sets. */
  static final double HIGHEST_OF_BASE = 1.05;

  /** Sleep quality at or below this is a cut signal. */
  static final double POOR_SLEEP_QUALITY = 2;

  /** Effective soreness at or above this is a cut signal: the level where the formula cuts load. */
  static final int HIGH_SORENESS = firstLevelThatCutsLoad();

  static final String CUT_SIGNALS =
      "an active disruption, soreness of " + HIGH_SORENESS + " or more, recent sessions harder than"
          + " planned, sleep quality of " + Phrases.number(POOR_SLEEP_QUALITY) + " or less, or a deload";

  static final String EASY_SIGNALS = "recent sessions easier than planned";

  private OverreactionGuard() {}

  /** The envelope in words, read from the numbers above, for the model's instructions. */
  static String inWords() {
    return "without " + CUT_SIGNALS + ", the main lift is not skipped, loses at most "
        + Phrases.setCount(SETS_BELOW_BASE) + " and stays at or above " + Phrases.percent(LOWEST_OF_BASE)
        + " of the programmed weight; without " + EASY_SIGNALS + ", no set is added and no weight goes above "
        + Phrases.percent(HIGHEST_OF_BASE) + " of it; a deload is never raised";
  }

  /** What the guard did: the main lift inside the envelope, and how to say so. */
  record Clamp(MainLift mainLift, String detail, String rationale) {}

  /** The signals in the lifter's state; {@code null} means absent. */
  record Signals(String cut, String easy) {}

  static Signals signals(SessionContext context) {
    return new Signals(cutSignal(context), easySignal(context));
  }

  /** {@code proposed} clamped into the envelope, or {@code null} when it is already inside. */
  static Clamp clamp(SessionContext context, MainLift proposed) {
    if (proposed instanceof MainLift.Recovery) {
      return null; // not a model's proposal
    }
    if (proposed instanceof MainLift.Skipped skipped) {
      return skipped.cause() == MainLift.Cause.PROPOSED_BY_MODEL ? unskip(context) : null;
    }
    return clampPlanned(context, (MainLift.Planned) proposed);
  }

  private static Clamp unskip(SessionContext context) {
    String cut = cutSignal(context);
    if (cut != null) {
      return null;
    }
    BaseSets base = context.base();
    double lowest = lowest(context);
    int count = Math.max(1, base.count() - SETS_BELOW_BASE);
    List<PlannedSet> sets = base.take(count, lowest);
    String after = describe(sets);
    return new Clamp(
        new MainLift.Planned(sets, LOWEST_OF_BASE),
        "model's skip of the main lift turned into " + after + " (no cut signal)",
        "Over-reaction guard: the model skipped the main lift, but nothing today calls for that ("
            + CUT_SIGNALS + "), so it stays at " + after + ": " + Phrases.setCount(SETS_BELOW_BASE)
            + " below the programme at " + Phrases.percent(LOWEST_OF_BASE) + " of its weight.");
  }

  private static Clamp clampPlanned(SessionContext context, MainLift.Planned proposed) {
    BaseSets base = context.base();
    Signals signals = signals(context);
    boolean deload = context.deload();
    List<PlannedSet> sets = proposed.sets();

    int minCount = signals.cut() != null ? 1 : Math.max(1, base.count() - SETS_BELOW_BASE);
    int maxCount = signals.easy() != null && !deload ? Integer.MAX_VALUE : base.count();
    double minWeight = signals.cut() != null ? 0 : lowest(context);
    double maxWeight =
        deload ? base.weightKg() : signals.easy() != null ? Double.POSITIVE_INFINITY : highest(context);

    int count = Math.min(maxCount, Math.max(minCount, sets.size()));
    List<String> why = new ArrayList<>(2);
    if (count > sets.size()) {
      why.add(noCut(base));
    } else if (count < sets.size()) {
      why.add(deload ? DELOAD_NEVER_RAISED : noEasy(base));
    }
    PlannedSet[] clamped = new PlannedSet[count];
    for (int i = 0; i < count; i++) {
      PlannedSet template =
          sets.isEmpty() ? base.first() : sets.get(Math.min(i, sets.size() - 1));
      double weight = template.weightKg();
      if (weight < minWeight) {
        weight = minWeight;
        addOnce(why, noCut(base));
      } else if (weight > maxWeight) {
        weight = maxWeight;
        addOnce(why, deload ? DELOAD_NEVER_RAISED : noEasy(base));
      }
      clamped[i] = new PlannedSet(i + 1, weight, template.reps(), template.rpeTarget(), template.repsRange());
    }
    if (why.isEmpty()) {
      return null;
    }
    List<PlannedSet> after = List.of(clamped);
    String before = sets.isEmpty() ? "no working sets" : describe(sets);
    return new Clamp(
        new MainLift.Planned(after, proposed.intensityModifier()),
        "model's " + before + " clamped to " + describe(after) + " (" + String.join("; ", tags(why)) + ")",
        "Over-reaction guard: the model proposed " + before + ", but " + String.join(", and ", why)
            + " — " + describe(after) + " instead.");
  }

  private static final String DELOAD_NEVER_RAISED = "a deload is never raised above its programme";

  private static String noCut(BaseSets base) {
    return "with no signal to cut (" + CUT_SIGNALS + ") it may not go below "
        + Phrases.setCount(Math.max(1, base.count() - SETS_BELOW_BASE)) + " or "
        + Phrases.percent(LOWEST_OF_BASE) + " of the programmed " + Phrases.kg(base.weightKg());
  }

  private static String noEasy(BaseSets base) {
    return "with no signal to push (" + EASY_SIGNALS + ") it may not go above the programmed "
        + Phrases.setCount(base.count()) + " or " + Phrases.percent(HIGHEST_OF_BASE) + " of "
        + Phrases.kg(base.weightKg());
  }

  /** The short form of each reason, for the constraint's detail. */
  private static List<String> tags(List<String> why) {
    List<String> tags = new ArrayList<>(why.size());
    for (String reason : why) {
      tags.add(
          reason.startsWith("with no signal to cut")
              ? "no cut signal"
              : reason.startsWith("with no signal to push") ? "no easy signal" : "deload");
    }
    return tags;
  }

  private static void addOnce(List<String> why, String reason) {
    if (!why.contains(reason)) {
      why.add(reason);
    }
  }

  private static double lowest(SessionContext context) {
    return WeightRounding.round(LOWEST_OF_BASE * context.base().weightKg(), context.increment());
  }

  private static double highest(SessionContext context) {
    return WeightRounding.round(HIGHEST_OF_BASE * context.base().weightKg(), context.increment());
  }

  /** The first cut signal present, named for the lifter; {@code null} when there is none. */
  static String cutSignal(SessionContext context) {
    if (!context.relevantDisruptions().isEmpty()) {
      return "an active disruption (" + context.relevantDisruptions().get(0).label() + ")";
    }
    SessionContext.Soreness soreness = context.effectiveSoreness();
    if (soreness.effective() >= HIGH_SORENESS) {
      return "soreness " + soreness.effective() + "/5 (" + soreness.muscle().wire() + ")";
    }
    if (RpeTrend.of(context.input().recentLogs()).direction() == RpeTrend.Direction.ABOVE_TARGET) {
      return "recent sessions harder than planned";
    }
    Double sleep = context.input().sleepQuality();
    if (sleep != null && sleep <= POOR_SLEEP_QUALITY) {
      return "poor sleep (quality " + Phrases.number(sleep) + "/5)";
    }
    return context.deload() ? "a deload session" : null;
  }

  /** The easy signal, named; {@code null} when absent. */
  static String easySignal(SessionContext context) {
    return RpeTrend.of(context.input().recentLogs()).direction() == RpeTrend.Direction.BELOW_TARGET
        ? EASY_SIGNALS
        : null;
  }

  private static String describe(List<PlannedSet> sets) {
    PlannedSet first = sets.get(0);
    return Phrases.sets(sets.size(), first.reps(), first.weightKg());
  }

  /** The formula's own answer to soreness: the first level whose modifier lightens the load. */
  private static int firstLevelThatCutsLoad() {
    for (int level = 1; level <= 5; level++) {
      SorenessModifier modifier = SorenessModifier.forLevel(level);
      if (modifier.recovery() || modifier.intensityMultiplier() < 1.0) {
        return level;
      }
    }
    throw new IllegalStateException("no soreness level cuts the load");
  }
}

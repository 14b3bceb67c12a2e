package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.Comparison;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.WarmupSet;
import dev.parakeet.jit.engine.model.Weights;
import dev.parakeet.jit.engine.session.Phrases;
import java.util.List;
import java.util.Locale;

/** The {@code text} format: a session card a lifter can read between sets. */
public final class SessionCard {

  private static final String SKIPPING = "skipping the main lift";

  private SessionCard() {}

  public static String render(JitInput input, JitOutput output) {
    StringBuilder card = new StringBuilder();
    card.append(title(input)).append('\n');
    card.append("Session ").append(output.sessionId()).append(" · generated ")
        .append(UtcTime.minutes(output.generatedAt())).append('\n');

    if (output.skippedMainLift()) {
      section(card, "MAIN LIFT");
      card.append("  Skipped today — no working sets, no warm-up.\n");
    } else {
      section(card, "WARM-UP");
      if (output.warmupSets().isEmpty()) {
        card.append("  None needed at this weight.\n");
      }
      for (WarmupSet set : output.warmupSets()) {
        card.append(String.format(Locale.ROOT, "  %2d  %-14s × %d%n", set.setNumber(), set.displayWeight(), set.reps()));
      }
      section(card, "WORKING SETS");
      for (PlannedSet set : output.mainLiftSets()) {
        card.append(String.format(Locale.ROOT, "  %2d  %-14s × %-7s RPE %s%n",
            set.setNumber(), Phrases.kg(set.weightKg()), reps(set), Weights.format(set.rpeTarget())));
      }
    }

    if (!output.auxiliaryWork().isEmpty()) {
      section(card, "AUXILIARY");
      int width = output.auxiliaryWork().stream().mapToInt(a -> a.exercise().length()).max().orElse(0);
      for (AuxiliaryWork work : output.auxiliaryWork()) {
        card.append("  ").append(pad(work.exercise(), width)).append("  ").append(auxiliary(work)).append('\n');
      }
    }

    comparison(card, output);

    section(card, "WHY");
    for (String reason : output.rationale()) {
      card.append("  • ").append(reason).append('\n');
    }
    if (!output.warnings().isEmpty()) {
      section(card, "WARNINGS");
      for (String warning : output.warnings()) {
        card.append("  ! ").append(warning).append('\n');
      }
    }
    card.append('\n').append(strategy(output)).append('\n');
    return card.toString();
  }

  private static String title(JitInput input) {
    return capitalise(input.primaryLift().wire()) + " — "
        + day(input.intensityType().wire(), input.blockNumber(), input.weekNumber())
        + " · 1RM " + Phrases.kg(input.oneRmKg());
  }

  /** {@code "block 1 heavy, week 2"}, {@code "deload, week 4"}: the programme day. */
  static String day(String intensityType, int block, int week) {
    boolean deload = IntensityType.DELOAD.wire().equals(intensityType);
    return (deload ? intensityType : "block " + block + " " + intensityType) + ", week " + week;
  }

  private static void comparison(StringBuilder card, JitOutput output) {
    Comparison comparison = output.comparison();
    if (comparison == null || !comparison.shouldSurfaceToUser()) {
      return;
    }
    section(card, "FORMULA AND MODEL DISAGREE");
    card.append("  The formula suggests ").append(mainSets(comparison.formulaOutput(), SKIPPING))
        .append("; the model suggests ").append(mainSets(output, SKIPPING)).append(".\n");
    card.append("  Weight differs by ")
        .append(Math.round(comparison.divergence().weightPct() * 100)).append(" %, sets by ")
        .append(signed(comparison.divergence().setDelta())).append(".\n");
    if (!comparison.divergence().summary().isBlank()) {
      card.append("  The model's reason: ").append(comparison.divergence().summary()).append('\n');
    }
  }

  /** {@code "2×5 @ 112.5 kg"} for an output's main sets, or {@code whenSkipped} when there are none. */
  static String mainSets(JitOutput output, String whenSkipped) {
    if (output.mainLiftSets().isEmpty()) {
      return whenSkipped;
    }
    PlannedSet first = output.mainLiftSets().get(0);
    return Phrases.sets(output.mainLiftSets().size(), first.reps(), first.weightKg());
  }

  private static String strategy(JitOutput output) {
    JitStrategy strategy = output.jitStrategy();
    return switch (strategy) {
      case FORMULA -> "Strategy: formula (deterministic rules).";
      case LLM -> "Strategy: llm (model adjustment, confidence " + confidence(output) + "), checked by the hard constraints.";
      case HYBRID -> "Strategy: hybrid (model adjustment, confidence " + confidence(output)
          + ", compared with the formula), checked by the hard constraints.";
      case FORMULA_FALLBACK -> "Strategy: formula_fallback — the model's answer was not used ("
          + output.fallbackReason() + "), so this is the formula's session.";
    };
  }

  private static String confidence(JitOutput output) {
    return output.confidence() == null ? "not given" : output.confidence().wire();
  }

  private static String auxiliary(AuxiliaryWork work) {
    if (work.skipped()) {
      return "skipped — " + work.skipReason();
    }
    List<PlannedSet> sets = work.sets();
    PlannedSet first = sets.get(0);
    // A bodyweight exercise's sets weigh 0 kg on the wire: the lifter's own weight, not an empty bar.
    String load = first.weightKg() == 0 ? "bodyweight" : Phrases.kg(first.weightKg());
    return sets.size() + " × " + first.reps() + " @ " + load + ", RPE " + Weights.format(first.rpeTarget());
  }

  private static String reps(PlannedSet set) {
    return set.repsRange() == null || set.repsRange().max() == set.reps()
        ? Integer.toString(set.reps())
        : set.repsRange().min() + "–" + set.repsRange().max();
  }

  private static void section(StringBuilder card, String name) {
    card.append('\n').append(name).append('\n');
  }

  private static String signed(int value) {
    return value > 0 ? "+" + value : Integer.toString(value);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}

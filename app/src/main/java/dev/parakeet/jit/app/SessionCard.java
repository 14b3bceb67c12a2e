package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.Comparison;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.PlannedSet;
import dev.parakeet.jit.engine.model.WarmupSet;
import dev.parakeet.jit.engine.model.Weights;
import dev.parakeet.jit.engine.session.Phrases;
import java.util.List;

/**
 * The {@code text} format: a session card a lifter can read between sets. Built line by line in
 * a {@link TextBlock}, so nothing from the input or the model reaches the terminal unescaped.
 */
public final class SessionCard {

  private static final String SKIPPING = "skipping the main lift";

  private SessionCard() {}

  public static String render(JitInput input, JitOutput output) {
    return block(input, output).toString();
  }

  static TextBlock block(JitInput input, JitOutput output) {
    TextBlock card = new TextBlock();
    card.line(title(input));
    card.line("Session " + output.sessionId() + " · generated " + UtcTime.minutes(output.generatedAt()));

    if (output.skippedMainLift()) {
      section(card, "MAIN LIFT");
      card.line("  Skipped today — no working sets, no warm-up.");
    } else {
      section(card, "WARM-UP");
      if (output.warmupSets().isEmpty()) {
        card.line("  None needed at this weight.");
      }
      for (WarmupSet set : output.warmupSets()) {
        card.line("  " + number(set.setNumber()) + "  " + TerminalText.pad(set.displayWeight(), 14) + " × " + set.reps());
      }
      section(card, "WORKING SETS");
      for (PlannedSet set : output.mainLiftSets()) {
        card.line("  " + number(set.setNumber()) + "  " + TerminalText.pad(Phrases.kg(set.weightKg()), 14) + " × "
            + TerminalText.pad(reps(set), 7) + " RPE " + Weights.format(set.rpeTarget()));
      }
    }

    if (!output.auxiliaryWork().isEmpty()) {
      section(card, "AUXILIARY");
      int width =
          output.auxiliaryWork().stream()
              .mapToInt(a -> TerminalText.width(TerminalText.escape(a.exercise())))
              .max()
              .orElse(0);
      for (AuxiliaryWork work : output.auxiliaryWork()) {
        card.line("  " + TerminalText.pad(work.exercise(), width) + "  " + auxiliary(work));
      }
    }

    comparison(card, output);

    section(card, "WHY");
    for (String reason : output.rationale()) {
      card.line("  • " + reason);
    }
    if (!output.warnings().isEmpty()) {
      section(card, "WARNINGS");
      for (String warning : output.warnings()) {
        card.line("  ! " + warning);
      }
    }
    card.blank();
    strategy(card, output);
    return card;
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

  private static void comparison(TextBlock card, JitOutput output) {
    Comparison comparison = output.comparison();
    if (comparison == null || !comparison.shouldSurfaceToUser()) {
      return;
    }
    section(card, "FORMULA AND MODEL DISAGREE");
    card.line("  The formula suggests " + mainSets(comparison.formulaOutput(), SKIPPING)
        + "; the model suggests " + mainSets(output, SKIPPING) + ".");
    card.line("  Weight differs by " + Math.round(comparison.divergence().weightPct() * 100)
        + " %, sets by " + signed(comparison.divergence().setDelta()) + ".");
    if (!comparison.divergence().summary().isBlank()) {
      card.line("  The model's reason: " + comparison.divergence().summary());
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

  /** The last lines: which strategy made the session; for a fallback, what happened and what to do. */
  private static void strategy(TextBlock card, JitOutput output) {
    switch (output.jitStrategy()) {
      case FORMULA -> card.line("Strategy: formula (deterministic rules).");
      case LLM -> card.line("Strategy: llm (model adjustment, confidence " + confidence(output)
          + "), checked by the hard constraints.");
      case HYBRID -> card.line("Strategy: hybrid (model adjustment, confidence " + confidence(output)
          + ", compared with the formula), checked by the hard constraints.");
      case FORMULA_FALLBACK -> {
        FallbackExplanation why = FallbackExplanation.of(output.fallbackReason());
        card.line("Strategy: formula, in place of the model.");
        card.line("  " + why.happened());
        if (!why.advice().isEmpty()) {
          card.line("  " + why.advice());
        }
      }
    }
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

  // By hand rather than String.format: the formatter's first use costs a short run tens of milliseconds.

  /** A set's number right-aligned in two columns (as {@code %2d}). */
  private static String number(int setNumber) {
    String digits = Integer.toString(setNumber);
    return digits.length() < 2 ? " " + digits : digits;
  }

  private static String reps(PlannedSet set) {
    return set.repsRange() == null || set.repsRange().max() == set.reps()
        ? Integer.toString(set.reps())
        : set.repsRange().min() + "–" + set.repsRange().max();
  }

  private static void section(TextBlock card, String name) {
    card.blank().line(name);
  }

  private static String signed(int value) {
    return value > 0 ? "+" + value : Integer.toString(value);
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}

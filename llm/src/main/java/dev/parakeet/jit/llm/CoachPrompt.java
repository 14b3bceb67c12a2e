package dev.parakeet.jit.llm;

import dev.parakeet.jit.engine.constraint.HardConstraints;
import dev.parakeet.jit.engine.model.Confidence;
import dev.parakeet.jit.engine.model.WireEnum;
import dev.parakeet.jit.engine.port.AuxAction;
import dev.parakeet.jit.engine.port.LlmContext;
import dev.parakeet.jit.wire.JitJson;
import java.util.Map;

/** The system prompt and the user message of a model call (SPEC §5.2). */
final class CoachPrompt {

  private final String system;

  CoachPrompt(AdjustmentSchema schema) {
    this.system = system(schema.bounds());
  }

  String system() {
    return system;
  }

  /** The lifter's state as one JSON document: the input without warm-ups, the base, the MRV headroom. */
  String user(LlmContext context) {
    return JitJson.write(context);
  }

  private static String system(Map<String, String> bounds) {
    StringBuilder prompt =
        new StringBuilder(
            """
            You are an expert powerlifting coach. A lifter on a Cube-Method program has checked in \
            for today's session. You adjust the programmed session; you do not rewrite it.

            The user message is one JSON document:
            - "lifterState": the check-in and context (soreness 1-5 per muscle, recent RPE against \
            target, weekly sets, disruptions such as injuries or illness, days since the last \
            session, cycle phase, sleep, and any other signal the app sent);
            - "base": the programmed working sets (weight, number of sets, reps, RPE target);
            - "primaryMuscles": the main lift's muscles with this week's sets, their MEV/MRV \
            landmarks and the headroom left below MRV.

            How to decide:
            - Read all the signals together and never penalise one cause twice: an injury that also \
            shows as soreness and a high RPE is one reason, not three.
            - An active disruption outranks soreness and RPE.
            - Mild or absent signals mean intensityModifier 1.0 and setModifier 0.
            - Give 1 to 4 short rationale lines, each naming the signal that drove the decision.
            - Warm-ups are not yours to set. A safety layer checks your answer afterwards: it caps \
            volume at MRV, keeps weights between a floor and what the lifter can lift for the reps, \
            and clamps a proposal that moves further than the lifter's signals support:\s""");
    prompt.append(HardConstraints.modelEnvelope()).append(".\n\nBounds (an answer outside them is discarded):\n");
    bounds.forEach((field, bound) -> prompt.append("- ").append(field).append(": ").append(bound).append('\n'));
    // The allowed values come from the enums, as the schema's do, so the two cannot drift apart.
    prompt.append("- auxOverrides[].action: ").append(choices(AuxAction.values()))
        .append("; confidence: ").append(choices(Confidence.values())).append(".\n");
    prompt.append("\nAnswer with the JSON object only.");
    return prompt.toString();
  }

  /** {@code "skip, reduce or normal"}. */
  private static String choices(WireEnum[] values) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      text.append(i == 0 ? "" : i == values.length - 1 ? " or " : ", ").append(values[i].wire());
    }
    return text.toString();
  }
}

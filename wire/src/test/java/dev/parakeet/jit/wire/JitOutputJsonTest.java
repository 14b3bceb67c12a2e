package dev.parakeet.jit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.model.IntensityType;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.Lift;
import dev.parakeet.jit.engine.model.Muscle;
import dev.parakeet.jit.engine.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The output's JSON is the app's (SPEC §1.3): mixed casing, exact names, ISO instants. */
class JitOutputJsonTest {

  private static JsonNode json(JitOutput output) throws Exception {
    return JitJson.mapper().readTree(JitJson.write(output));
  }

  @Test
  void writesTheAppsFieldNamesInOrder() throws Exception {
    JsonNode out = json(Fixtures.formula().generate(Fixtures.f().build()));
    assertThat(out.fieldNames())
        .toIterable()
        .containsExactly(
            "sessionId", "generatedAt", "mainLiftSets", "warmupSets", "auxiliaryWork",
            "volumeModifier", "intensityModifier", "rationale", "warnings", "skippedMainLift",
            "jit_strategy", "constraintsApplied");
    assertThat(out.get("generatedAt").asText()).isEqualTo("2026-11-24T07:30:00Z");
    assertThat(out.get("jit_strategy").asText()).isEqualTo("formula");
    JsonNode set = out.get("mainLiftSets").get(0);
    assertThat(set.fieldNames()).toIterable().containsExactly("set_number", "weight_kg", "reps", "rpe_target");
    assertThat(set.get("weight_kg").asDouble()).isEqualTo(112.5);
    JsonNode warmup = out.get("warmupSets").get(0);
    assertThat(warmup.fieldNames())
        .toIterable()
        .containsExactly("setNumber", "weightKg", "displayWeight", "reps", "isWarmup");
    assertThat(warmup.get("displayWeight").asText()).isEqualTo("45 kg");
    assertThat(warmup.get("isWarmup").asBoolean()).isTrue();
    JsonNode aux = out.get("auxiliaryWork").get(0);
    assertThat(aux.fieldNames()).toIterable().containsExactly("exercise", "sets", "skipped");
    assertThat(out.get("constraintsApplied").isArray()).isTrue();
  }

  @Test
  void repsRangeIsAPairAndBarWarmupsSaySo() throws Exception {
    JsonNode out =
        json(Fixtures.formula().generate(Fixtures.f().blockNumber(1).intensityType(IntensityType.REP).oneRmKg(40.0).build()));
    assertThat(out.get("mainLiftSets").get(0).get("reps_range").toString()).isEqualTo("[8,12]");
    assertThat(out.get("warmupSets").get(0).get("displayWeight").asText()).isEqualTo("20 kg (bar)");
  }

  @Test
  void halfKilosAreShownWithTheirDecimal() throws Exception {
    JsonNode out = json(Fixtures.formula().generate(Fixtures.f().build()));
    assertThat(out.get("warmupSets").get(1).get("displayWeight").asText()).isEqualTo("67.5 kg");
  }

  @Test
  void skippedAuxiliaryCarriesItsReasonAndConstraintsTheirRule() throws Exception {
    JsonNode out =
        json(Fixtures.formula().generate(Fixtures.f().blockNumber(3).intensityType(IntensityType.REP).weeklyVolume(Muscle.QUADS, 18).build()));
    assertThat(out.get("auxiliaryWork").get(0).get("skipReason").asText()).contains("MRV");
    assertThat(out.get("constraintsApplied").get(0).get("rule").asText()).isEqualTo("mrv_cap");
    assertThat(out.get("constraintsApplied").get(0).get("detail").asText()).isNotBlank();
  }

  @Test
  void fallbacksCarryTheirReasonAndNoConfidence() throws Exception {
    JsonNode out = json(Fixtures.formula().generate(Fixtures.f().build()).asFallback("timeout: no answer within 5000 ms"));
    assertThat(out.get("jit_strategy").asText()).isEqualTo("formula_fallback");
    assertThat(out.get("fallbackReason").asText()).isEqualTo("timeout: no answer within 5000 ms");
    assertThat(out.has("confidence")).isFalse();
    assertThat(out.has("comparison")).isFalse();
  }

  @Test
  void outputsReadBackToTheSameValue() {
    for (JitOutput output :
        List.of(
            Fixtures.formula().generate(Fixtures.f().build()),
            Fixtures.formula().generate(Fixtures.f().primaryLift(Lift.DEADLIFT).blockNumber(3).oneRmKg(180.0).build()),
            Fixtures.formula().generate(Fixtures.f().soreness(Muscle.QUADS, 5).build()))) {
      assertThat(JitJson.readOutput(JitJson.write(output))).isEqualTo(output);
    }
  }
}

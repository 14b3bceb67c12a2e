package dev.parakeet.jit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.wire.JitJson;
import org.junit.jupiter.api.Test;

/** The JSON documents of the mix are accepted and give the formula's outputs. Runs no benchmark. */
class WireRoundTripBenchmarkTest {

  @Test
  void everyDocumentOfTheMixReadsGeneratesAndWritesTheFormulasOutput() {
    WireRoundTripBenchmark reading = new WireRoundTripBenchmark();
    reading.setUp();
    WireRoundTripBenchmark roundTrip = new WireRoundTripBenchmark();
    roundTrip.setUp();

    for (int i = 0; i < FormulaGenerationBenchmark.SEQUENCE_LENGTH; i++) {
      assertThat(reading.read().unrecognisedFields()).isEmpty();
      JitOutput written = JitJson.readOutput(roundTrip.readGenerateWrite());
      assertThat(written).isEqualTo(roundTrip.outputs[i]);
    }
  }
}

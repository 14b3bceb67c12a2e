package dev.parakeet.jit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.AuxiliaryWork;
import dev.parakeet.jit.engine.model.JitOutput;
import org.junit.jupiter.api.Test;

/**
 * The calibration stays faithful: what it materialises has exactly the shape of the formula's
 * output for the same input (as many objects, the same text when shared). Runs no benchmark.
 */
class OutputFloorBenchmarkTest {

  @Test
  void materialisesTheFormulasShapeForEveryInputOfTheMix() {
    OutputFloorBenchmark sharing = new OutputFloorBenchmark();
    sharing.setUp();
    OutputFloorBenchmark building = new OutputFloorBenchmark();
    building.setUp();

    for (int i = 0; i < FormulaGenerationBenchmark.SEQUENCE_LENGTH; i++) {
      JitOutput expected = sharing.shapes[i].output();
      JitOutput shared = sharing.materialiseSharingText();
      JitOutput built = building.materialise();

      assertThat(shared.rationale()).isEqualTo(expected.rationale());
      assertThat(shared.warnings()).isEqualTo(expected.warnings());
      assertThat(shared.constraintsApplied()).isEqualTo(expected.constraintsApplied());
      for (JitOutput out : new JitOutput[] {shared, built}) {
        assertThat(out.mainLiftSets()).hasSameSizeAs(expected.mainLiftSets());
        assertThat(out.warmupSets()).hasSameSizeAs(expected.warmupSets());
        assertThat(out.auxiliaryWork()).hasSameSizeAs(expected.auxiliaryWork());
        for (int k = 0; k < out.auxiliaryWork().size(); k++) {
          AuxiliaryWork work = out.auxiliaryWork().get(k);
          assertThat(work.sets()).hasSameSizeAs(expected.auxiliaryWork().get(k).sets());
          assertThat(work.skipReason() == null).isEqualTo(expected.auxiliaryWork().get(k).skipReason() == null);
        }
        assertThat(out.rationale()).hasSameSizeAs(expected.rationale());
        assertThat(out.warnings()).hasSameSizeAs(expected.warnings());
        assertThat(out.constraintsApplied()).hasSameSizeAs(expected.constraintsApplied());
      }
      // A built line is as long as the original plus the number spliced into it.
      for (int k = 0; k < built.rationale().size(); k++) {
        assertThat(built.rationale().get(k).length()).isGreaterThan(expected.rationale().get(k).length());
      }
    }
  }
}

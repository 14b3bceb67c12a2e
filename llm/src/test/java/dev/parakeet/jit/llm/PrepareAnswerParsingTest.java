package dev.parakeet.jit.llm;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class PrepareAnswerParsingTest {

  /** The sample it parses must stay a valid answer: a change of the bounds that rejects it fails here. */
  @Test
  void theSampleAnswerPassesTheStrictParser() {
    assertThatCode(ProviderAdjustmentModel::prepareAnswerParsing).doesNotThrowAnyException();
  }
}

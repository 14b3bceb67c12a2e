package dev.parakeet.jit.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The streaming readers parse with a factory of their own, built without the mapper (which a short
 * run may never need). These tests keep the two readings of a document the same.
 */
class ParserSettingsTest {

  @Test
  void theStreamingParserHasTheMappersSettingsButTheDuplicateCheck() {
    JsonFactory mapper = JitJson.mapper().getFactory();
    JsonFactory streaming = JitJson.parserFactory(false);

    assertThat(mapper.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION)).isTrue();
    assertThat(streaming.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION)).isFalse();
    int duplicates = JsonParser.Feature.STRICT_DUPLICATE_DETECTION.getMask();
    assertThat(streaming.getParserFeatures()).isEqualTo(mapper.getParserFeatures() & ~duplicates);
    assertThat(streaming.getFormatParserFeatures()).isEqualTo(mapper.getFormatParserFeatures());
    assertThat(streaming.getFactoryFeatures()).isEqualTo(mapper.getFactoryFeatures());
    assertThat(limits(streaming.streamReadConstraints())).isEqualTo(limits(mapper.streamReadConstraints()));
    assertThat(limits(mapper.streamReadConstraints()))
        .startsWith((long) JitJson.MAX_NESTING_DEPTH, (long) JitJson.MAX_DOCUMENT_BYTES);
    assertThatThrownBy(() -> readAll(streaming, "[NaN]")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> readAll(mapper, "[NaN]")).isInstanceOf(IOException.class);
  }

  private static void readAll(JsonFactory factory, String json) throws IOException {
    try (JsonParser parser = factory.createParser(json)) {
      while (parser.nextToken() != null) {
        parser.getNumberValue(); // NaN is refused by the token, or by its value
      }
    }
  }

  @Test
  void theSnapshotsCopyWritesWithTheMappersGeneratorSettings() {
    JsonFactory mapper = JitJson.mapper().getFactory();
    JsonFactory copying = JitJson.parserFactory(true);

    assertThat(copying.getParserFeatures()).isEqualTo(mapper.getParserFeatures());
    assertThat(copying.getGeneratorFeatures()).isEqualTo(mapper.getGeneratorFeatures());
    assertThat(copying.getFormatGeneratorFeatures()).isEqualTo(mapper.getFormatGeneratorFeatures());
    assertThat(copying.getCharacterEscapes()).isEqualTo(mapper.getCharacterEscapes());
    assertThat(copying.getRootValueSeparator()).isEqualTo(mapper.getRootValueSeparator());
  }

  @Test
  void theMapperDeclaresNoMixInsWhichTheStreamingReadersWouldNotSee() {
    // ReaderCompiler reads the records' own annotations only; a mix-in would change what the
    // thorough path binds without the streaming path knowing.
    assertThat(JitJson.mapper().mixInCount()).isZero();
  }

  private static long[] limits(StreamReadConstraints constraints) {
    return new long[] {
      constraints.getMaxNestingDepth(),
      constraints.getMaxDocumentLength(),
      constraints.getMaxStringLength(),
      constraints.getMaxNumberLength(),
      constraints.getMaxNameLength(),
      constraints.getMaxTokenCount()
    };
  }
}

package dev.parakeet.jit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CompactJson} says "canonical" only for bytes that are exactly what the mapper's tree writes
 * back (so the snapshot can be the bytes), and sends every other form to the copy.
 */
class CompactJsonTest {

  private static boolean canonical(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return CompactJson.isCanonical(bytes, 0, bytes.length);
  }

  private static String treeWrites(String json) throws Exception {
    return JitJson.mapper().readTree(json).toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"a\":\"x\\by\\fz\\n\\t\\r\\\"\\\\\"}",
    "{\"a\":-0.0}",
    "{\"a\":1.0E10}",
    "{\"a\":100.0}",
    "{\"a\":0.001}",
    "{\"a\":1.0E-5}",
    "{\"a\":4.9E-324}",
    "{\"a\":123456789012345678901234567890}",
    "{\"a\":[true,false,null,{},[]],\"b\":-12}",
    "{\"a\":\"~\",\"b\":\"/\"}"
  })
  void acceptsWhatTheMapperWritesBack(String json) throws Exception {
    assertThat(canonical(json)).isTrue();
    assertThat(treeWrites(json)).isEqualTo(json);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"a\":-0}",
    "{\"a\":1e2}",
    "{\"a\":1.50}",
    "{\"a\":1.0e-5}",
    "{\"a\":12345678.9}",
    "{\"a\":\"\\/\"}",
    "{\"a\":\"\\u0041\"}",
    "{\"a\":\"\\u001f\"}",
    "{\"a\":\"\u007f\"}",
    "{\"a\":\"caf\u00e9\"}",
    "{ \"a\":1}",
    "{\"a\":1}\n"
  })
  void sendsEveryOtherFormToTheCopy(String json) throws Exception {
    assertThat(canonical(json)).isFalse();
    if (!json.equals(treeWrites(json))) {
      return; // rewritten by the mapper: must not be taken as it is
    }
    // Canonical in fact, but not recognised as such (non-ASCII, DEL): the copy is merely slower.
    assertThat(json).matches("(?s).*[^\\x00-\\x7e].*");
  }

  /** The remembered numbers change no answer: asked again, and next to their near neighbours. */
  @org.junit.jupiter.api.Test
  void aRememberedNumberGivesTheSameAnswer() {
    for (int round = 0; round < 3; round++) {
      assertThat(canonical("{\"a\":137.5,\"b\":0.85}")).isTrue();
      assertThat(canonical("{\"a\":137.50}")).isFalse();
      assertThat(canonical("{\"a\":1.375E2}")).isFalse();
      assertThat(canonical("{\"a\":0.850}")).isFalse();
      assertThat(canonical("{\"a\":12345678.9}")).isFalse();
    }
  }
}

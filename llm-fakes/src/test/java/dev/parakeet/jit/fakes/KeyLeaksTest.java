package dev.parakeet.jit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyLeaksTest {

  private static final String KEY = "sk-ant-api03-Xq7RmT2vKp9LwZ4nBc6YdF1sHj8GtE3uVa5NoQ0iMy7PrW2x";

  @Test
  void theKeyInAnyCaseEscapedOrInPartIsALeak() {
    assertThat(KeyLeaks.find("x " + KEY + " y", KEY)).isEqualTo("characters 0-20 of the key");
    assertThat(KeyLeaks.find(KEY.toUpperCase(java.util.Locale.ROOT), KEY)).isNotNull();
    assertThat(KeyLeaks.find("\"" + KeyEcho.jsonEscaped(KEY) + "\"", KEY)).isNotNull();
    assertThat(KeyLeaks.find("was \"" + KEY.substring(30, 51) + "…\"", KEY)).isEqualTo("characters 30-50 of the key");
  }

  @Test
  void lessThanAFragmentIsNot() {
    assertThat(KeyLeaks.find("keys start with sk-ant-api03- and end with 2x", KEY)).isNull();
    assertThat(KeyLeaks.find("was \"[redacted]\"", KEY)).isNull();
    assertThat(KeyLeaks.find(null, KEY)).isNull();
  }
}

package dev.parakeet.jit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FakeProviderMainTest {

  @Test
  void parsesTheDocumentedArguments() {
    FakeProviderMain.Options o =
        FakeProviderMain.parse("--protocol", "anthropic", "--port", "8089", "--mode", "valid");
    assertThat(o.protocol()).isEqualTo(Protocol.ANTHROPIC);
    assertThat(o.port()).isEqualTo(8089);
    assertThat(o.behavior()).isEqualTo(Behavior.answer(Behavior.SAMPLE_ADJUSTMENT));

    FakeProviderMain.Options eq = FakeProviderMain.parse("--protocol=OpenAI", "--mode=status:429");
    assertThat(eq.protocol()).isEqualTo(Protocol.OPENAI);
    assertThat(eq.port()).isZero();
    assertThat(eq.behavior()).isEqualTo(Behavior.status(429));

    assertThat(FakeProviderMain.parse("--protocol", "ollama").behavior())
        .isEqualTo(Behavior.answer(Behavior.SAMPLE_ADJUSTMENT));
  }

  @Test
  void everyModeMapsToItsBehavior() {
    assertThat(FakeProviderMain.mode("out-of-bounds")).isEqualTo(Behavior.outOfBounds());
    assertThat(FakeProviderMain.mode("malformed")).isEqualTo(Behavior.malformedJson());
    assertThat(FakeProviderMain.mode("prose")).isEqualTo(Behavior.prose());
    assertThat(FakeProviderMain.mode("refusal")).isEqualTo(Behavior.refusal());
    assertThat(FakeProviderMain.mode("truncated")).isEqualTo(Behavior.truncated());
    assertThat(FakeProviderMain.mode("malformed-envelope")).isEqualTo(Behavior.malformedEnvelope());
    assertThat(FakeProviderMain.mode("never")).isEqualTo(Behavior.neverAnswer());
    assertThat(FakeProviderMain.mode("status:503")).isEqualTo(Behavior.status(503));
    assertThat(FakeProviderMain.mode("slow:7000"))
        .isEqualTo(
            Behavior.slow(Duration.ofMillis(7000), Behavior.answer(Behavior.SAMPLE_ADJUSTMENT)));
    assertThat(FakeProviderMain.mode("drip:500")).isEqualTo(Behavior.drip(Duration.ofMillis(500)));
    assertThat(FakeProviderMain.mode("echo-key"))
        .isEqualTo(Behavior.echoingKey(Behavior.answer(FakeProviderMain.ECHO_KEY_ADJUSTMENT)));
    assertThat(Http.json(FakeProviderMain.ECHO_KEY_ADJUSTMENT).path("rationale").path(0).asText())
        .isEqualTo("Your key is " + Behavior.KEY + ".");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"bogus", "status:200", "status:x", "slow:", "drip:0", "slow:-5", "drip:abc"})
  void badModesAreRejected(String mode) {
    assertThatThrownBy(() -> FakeProviderMain.mode(mode))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> FakeProviderMain.parse("--port", "1"))
        .hasMessageContaining("--protocol is required");
    assertThatThrownBy(() -> FakeProviderMain.parse("--protocol", "gemini"))
        .hasMessageContaining("unknown protocol");
    assertThatThrownBy(() -> FakeProviderMain.parse("--protocol", "openai", "--port", "70000"))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> FakeProviderMain.parse("--protocol"))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> FakeProviderMain.parse("--protocol", "openai", "--verbose"))
        .hasMessageContaining("unknown argument");
  }

  @ParameterizedTest
  @CsvSource({
    "anthropic, ANTHROPIC_BASE_URL=http://127.0.0.1:PORT ANTHROPIC_API_KEY=",
    "openai, OPENAI_BASE_URL=http://127.0.0.1:PORT/v1 OPENAI_API_KEY=",
    "ollama, OLLAMA_BASE_URL=http://127.0.0.1:PORT"
  })
  void theBannerNamesTheBaseUrlAndTheVariablesToExport(String protocol, String exports) {
    FakeProviderMain.Options o = FakeProviderMain.parse("--protocol", protocol, "--mode", "never");
    try (FakeProviderServer server = FakeProviderServer.start(o.protocol())) {
      String banner = FakeProviderMain.banner(o, server);
      assertThat(banner).doesNotContain("\n");
      assertThat(banner).contains(server.baseUrl()).contains("mode never");
      assertThat(banner).contains("PARAKEET_LLM_PROVIDER=" + protocol);
      assertThat(banner).contains(exports.replace("PORT", String.valueOf(server.port())));
    }
  }
}

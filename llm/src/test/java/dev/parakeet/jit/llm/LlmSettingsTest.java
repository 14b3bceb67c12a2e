package dev.parakeet.jit.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlmSettingsTest {

  private static LlmSettings from(Map<String, String> env) {
    return LlmSettings.from(env, LlmSettings.Overrides.NONE);
  }

  @Test
  void defaultsToAnthropicHaikuWithAFiveSecondDeadline() {
    LlmSettings settings = from(Map.of());
    assertThat(settings.provider()).isEqualTo(ProviderKind.ANTHROPIC);
    assertThat(settings.model()).isEqualTo("claude-haiku-4-5");
    assertThat(settings.deadline()).isEqualTo(Duration.ofMillis(5000));
    assertThat(settings.configured()).isFalse();
    assertThat(settings.clientBaseUrl()).isEqualTo("https://api.anthropic.com/v1");
  }

  @Test
  void followsTheOfficialSdksBaseUrlConventions() {
    assertThat(from(Map.of("ANTHROPIC_BASE_URL", "http://127.0.0.1:9000/")).clientBaseUrl())
        .isEqualTo("http://127.0.0.1:9000/v1");
    LlmSettings openai = from(Map.of("PARAKEET_LLM_PROVIDER", "openai", "OPENAI_BASE_URL", "http://127.0.0.1:9000/v1"));
    assertThat(openai.clientBaseUrl()).isEqualTo("http://127.0.0.1:9000/v1");
    assertThat(from(Map.of("PARAKEET_LLM_PROVIDER", "openai")).clientBaseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(from(Map.of("PARAKEET_LLM_PROVIDER", "ollama")).clientBaseUrl()).isEqualTo("http://localhost:11434");
  }

  @Test
  void aProviderIsConfiguredByItsKeyOrLocalBaseUrl() {
    assertThat(from(Map.of("ANTHROPIC_API_KEY", "sk-ant-x")).configured()).isTrue();
    assertThat(from(Map.of("ANTHROPIC_BASE_URL", "http://localhost:1")).configured()).isFalse();
    assertThat(from(Map.of("PARAKEET_LLM_PROVIDER", "openai", "OPENAI_API_KEY", "sk-x")).configured()).isTrue();
    assertThat(from(Map.of("PARAKEET_LLM_PROVIDER", "openai", "OPENAI_BASE_URL", "http://localhost:8000/v1")).configured()).isTrue();
    assertThat(from(Map.of("PARAKEET_LLM_PROVIDER", "ollama")).configured()).isFalse();
    assertThat(from(Map.of("PARAKEET_LLM_PROVIDER", "ollama", "OLLAMA_BASE_URL", "http://localhost:11434")).configured()).isTrue();
  }

  @Test
  void flagsWinOverTheEnvironment() {
    Map<String, String> env = Map.of("PARAKEET_LLM_PROVIDER", "anthropic", "PARAKEET_LLM_MODEL", "claude-x", "PARAKEET_LLM_TIMEOUT_MS", "800");
    LlmSettings settings = LlmSettings.from(env, new LlmSettings.Overrides("ollama", "qwen2.5", 1200L));
    assertThat(settings.provider()).isEqualTo(ProviderKind.OLLAMA);
    assertThat(settings.model()).isEqualTo("qwen2.5");
    assertThat(settings.deadline()).isEqualTo(Duration.ofMillis(1200));
    assertThat(from(env).model()).isEqualTo("claude-x");
    assertThat(from(env).deadline()).isEqualTo(Duration.ofMillis(800));
  }

  @Test
  void eachProviderHasItsDefaultModel() {
    assertThat(from(Map.of("PARAKEET_LLM_PROVIDER", "openai")).model()).isEqualTo("gpt-4o-mini");
    assertThat(from(Map.of("PARAKEET_LLM_PROVIDER", "OLLAMA")).model()).isEqualTo("llama3.1");
  }

  @Test
  void badSettingsAreNamed() {
    assertThatThrownBy(() -> from(Map.of("PARAKEET_LLM_PROVIDER", "gemini")))
        .hasMessageContaining("unknown LLM provider 'gemini'");
    assertThatThrownBy(() -> from(Map.of("PARAKEET_LLM_TIMEOUT_MS", "soon")))
        .hasMessageContaining("PARAKEET_LLM_TIMEOUT_MS must be a whole number");
    assertThatThrownBy(() -> LlmSettings.from(Map.of(), new LlmSettings.Overrides(null, null, 0L)))
        .hasMessageContaining("timeout must be positive");
    assertThatThrownBy(() -> from(Map.of("PARAKEET_LLM_STRUCTURED_OUTPUT", "xml")))
        .hasMessageContaining("PARAKEET_LLM_STRUCTURED_OUTPUT must be native or tool");
  }

  @Test
  void theDeadlineIsAtMostTenMinutesFromTheEnvironmentOrAFlag() {
    assertThat(from(Map.of("PARAKEET_LLM_TIMEOUT_MS", "600000")).deadline()).isEqualTo(LlmSettings.MAX_DEADLINE);
    assertThatThrownBy(() -> from(Map.of("PARAKEET_LLM_TIMEOUT_MS", "9223372036854775807")))
        .hasMessage("PARAKEET_LLM_TIMEOUT_MS must be a whole number from 1 to 600000, was '9223372036854775807'");
    assertThatThrownBy(() -> LlmSettings.from(Map.of(), new LlmSettings.Overrides(null, null, 600_001L)))
        .hasMessageContaining("at most 600000 ms");
  }

  @ParameterizedTest
  @CsvSource({
    "PARAKEET_LLM_BREAKER_COOLDOWN_MS, 0, 'PARAKEET_LLM_BREAKER_COOLDOWN_MS must be a whole number from 1 to 86400000, was ''0'''",
    "PARAKEET_LLM_BREAKER_COOLDOWN_MS, 9223372036854775807, 'PARAKEET_LLM_BREAKER_COOLDOWN_MS must be a whole number from 1 to 86400000, was ''9223372036854775807'''",
    "PARAKEET_LLM_BREAKER_COOLDOWN_MS, 99999999999999999999, 'PARAKEET_LLM_BREAKER_COOLDOWN_MS must be a whole number from 1 to 86400000, was ''99999999999999999999'''",
    "PARAKEET_LLM_BREAKER_FAILURES, 2147483648, 'PARAKEET_LLM_BREAKER_FAILURES must be a whole number from 1 to 1000, was ''2147483648'''",
    "PARAKEET_LLM_BREAKER_FAILURES, 0, 'PARAKEET_LLM_BREAKER_FAILURES must be a whole number from 1 to 1000, was ''0'''",
    "PARAKEET_LLM_TIMEOUT_MS, -5, 'PARAKEET_LLM_TIMEOUT_MS must be a whole number from 1 to 600000, was ''-5'''",
  })
  void everyNumberFromTheEnvironmentIsBoundedAndNamed(String name, String value, String message) {
    assertThatThrownBy(() -> from(Map.of(name, value))).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void theBreakersLimitsAreAccepted() {
    LlmSettings settings = from(Map.of("PARAKEET_LLM_BREAKER_COOLDOWN_MS", "86400000", "PARAKEET_LLM_BREAKER_FAILURES", "1000"));
    assertThat(settings.breakerCooldown()).isEqualTo(java.time.Duration.ofDays(1));
    assertThat(settings.breakerFailures()).isEqualTo(1000);
  }

  @Test
  void theKeyNeverPrints() {
    LlmSettings settings = from(Map.of("ANTHROPIC_API_KEY", "sk-ant-very-secret"));
    assertThat(settings.toString()).doesNotContain("sk-ant-very-secret").contains("key set");
    assertThat(String.valueOf(settings.apiKey())).isEqualTo("[redacted]");
    assertThat(settings.describe()).isEqualTo("anthropic/claude-haiku-4-5");
  }
}

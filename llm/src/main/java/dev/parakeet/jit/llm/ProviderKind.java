package dev.parakeet.jit.llm;

import dev.parakeet.jit.engine.model.WireEnum;
import java.util.Locale;

/** The model providers Parakeet JIT speaks to (SPEC §9.2). */
public enum ProviderKind implements WireEnum {
  /** Anthropic Messages API; the default. */
  ANTHROPIC("claude-haiku-4-5"),
  /** OpenAI Chat Completions, or any server that speaks it (vLLM, LM Studio, llama.cpp …). */
  OPENAI("gpt-4o-mini"),
  /** A local Ollama server. */
  OLLAMA("llama3.1");

  private final String defaultModel;

  ProviderKind(String defaultModel) {
    this.defaultModel = defaultModel;
  }

  public String defaultModel() {
    return defaultModel;
  }

  /** The provider named {@code value} (case-insensitive). */
  public static ProviderKind parse(String value) {
    for (ProviderKind kind : values()) {
      if (kind.wire().equals(value.strip().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown LLM provider '" + value + "'; expected anthropic, openai or ollama");
  }
}

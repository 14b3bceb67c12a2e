package dev.parakeet.jit.fakes;

import java.util.Locale;

/** The provider wire protocols a {@link FakeProviderServer} can speak. */
public enum Protocol {
  /** Anthropic Messages API: {@code POST /v1/messages}; base URL is the server root. */
  ANTHROPIC("/v1/messages", ""),
  /** OpenAI Chat Completions: {@code POST /v1/chat/completions}; base URL ends in {@code /v1}. */
  OPENAI("/v1/chat/completions", "/v1"),
  /** Ollama chat: {@code POST /api/chat}; base URL is the server root. */
  OLLAMA("/api/chat", "");

  private final String path;
  private final String basePath;

  Protocol(String path, String basePath) {
    this.path = path;
    this.basePath = basePath;
  }

  /** The request path the provider's chat endpoint lives at, e.g. {@code /v1/messages}. */
  public String path() {
    return path;
  }

  /**
   * What the official SDK convention appends to {@code http://host:port} to form the base URL:
   * empty for Anthropic and Ollama, {@code /v1} for OpenAI.
   */
  public String basePath() {
    return basePath;
  }

  /** Lower-case name as used on the command line and in {@code PARAKEET_LLM_PROVIDER}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code anthropic}, {@code openai} or {@code ollama} (case-insensitive). */
  public static Protocol parse(String name) {
    for (Protocol p : values()) {
      if (p.cliName().equalsIgnoreCase(name.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown protocol '" + name + "' (expected anthropic, openai or ollama)");
  }
}

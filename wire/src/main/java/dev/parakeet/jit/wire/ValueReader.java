package dev.parakeet.jit.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads one JSON value of a known type from a parser and checks its bounds as it goes. It returns
 * only values the thorough path would accept and bind to the same Java value; on anything else it
 * throws {@link Detour}.
 */
interface ValueReader {

  /**
   * The value whose first token is {@code token} (the parser stands on it). Leaves the parser on
   * the value's last token.
   */
  Object read(JsonParser parser, JsonToken token) throws IOException;

  /** Whether the value may be absent or null ({@code @NotNull} and {@code @NotBlank} say it may not). */
  boolean optional();
}

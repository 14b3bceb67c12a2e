package dev.parakeet.jit.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which prompt a model was asked with (SPEC §8's {@code llm_decisions.prompt_version}): the first
 * 12 hex digits of the SHA-256 of the system prompt and the answer's schema. Any change of either
 * changes it, so decisions can be grouped by the prompt that produced them.
 */
public final class PromptVersion {

  private static final String CURRENT = of(new AdjustmentSchema());

  private PromptVersion() {}

  /** The version of the prompt this build sends. */
  public static String current() {
    return CURRENT;
  }

  static String of(AdjustmentSchema schema) {
    CoachPrompt prompt = new CoachPrompt(schema);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(prompt.system().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(schema.root().toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

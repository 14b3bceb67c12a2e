package dev.parakeet.jit.secrets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds runs of a secret's consecutive characters in a text, in any letter case: a key that a
 * message quoted only in part ({@code was "sk-ant-api03-Xq7R…"}) or a line cut in the middle of
 * it. Runs of {@link #MIN_RUN} characters or more are removed: shorter ones are the public
 * prefixes of keys ({@code sk-ant-api03-} is 13) and chance.
 */
final class Fragments {

  static final int MIN_RUN = 16;

  private final char[] folded;
  /** Where each (folded) character occurs in the secret. */
  private final Map<Character, int[]> positions = new HashMap<>();

  Fragments(String secret) {
    this.folded = new char[secret.length()];
    Map<Character, List<Integer>> where = new HashMap<>();
    for (int i = 0; i < folded.length; i++) {
      folded[i] = fold(secret.charAt(i));
      where.computeIfAbsent(folded[i], c -> new ArrayList<>()).add(i);
    }
    where.forEach((c, at) -> positions.put(c, at.stream().mapToInt(Integer::intValue).toArray()));
  }

  String redact(String text) {
    if (folded.length < MIN_RUN || text.length() < MIN_RUN) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      int run = longestRunAt(text, i, copied);
      if (run >= MIN_RUN) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(text, copied, i).append(Secrets.REDACTED);
        copied = i + run;
        i = copied - 1;
      }
    }
    return out == null ? text : out.append(text, copied, n).toString();
  }

  /**
   * The longest run of the secret's characters that starts at {@code start} in the text; {@code
   * from} is where this scan (re)started, after a removed run.
   */
  private int longestRunAt(String text, int start, int from) {
    int[] at = positions.get(fold(text.charAt(start)));
    if (at == null) {
      return 0;
    }
    int longest = 0;
    for (int j : at) {
      // A run that could have started one character earlier was measured there, and was short.
      if (start > from && j > 0 && fold(text.charAt(start - 1)) == folded[j - 1]) {
        continue;
      }
      int k = 1;
      while (start + k < text.length() && j + k < folded.length && fold(text.charAt(start + k)) == folded[j + k]) {
        k++;
      }
      longest = Math.max(longest, k);
    }
    return longest;
  }

  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }
}

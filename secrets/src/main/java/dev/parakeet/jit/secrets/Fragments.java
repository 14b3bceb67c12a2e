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

  private static final int[] NOWHERE = new int[0];

  private final char[] folded;
  /** Where each (folded) ASCII character occurs in the secret: a table, as keys are ASCII. */
  private final int[][] ascii = new int[128][];
  /** Where each other (folded) character occurs. */
  private final Map<Character, int[]> others = new HashMap<>();

  Fragments(String secret) {
    this.folded = new char[secret.length()];
    Map<Character, List<Integer>> where = new HashMap<>();
    for (int i = 0; i < folded.length; i++) {
      folded[i] = Redactor.fold(secret.charAt(i));
      where.computeIfAbsent(folded[i], c -> new ArrayList<>()).add(i);
    }
    where.forEach((c, at) -> {
      int[] positions = at.stream().mapToInt(Integer::intValue).toArray();
      if (c < ascii.length) {
        ascii[c] = positions;
      } else {
        others.put(c, positions);
      }
    });
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
    int[] at = positionsOf(Redactor.fold(text.charAt(start)));
    int longest = 0;
    for (int j : at) {
      // A run that could have started one character earlier was measured there, and was short.
      if (start > from && j > 0 && Redactor.fold(text.charAt(start - 1)) == folded[j - 1]) {
        continue;
      }
      int k = 1;
      while (start + k < text.length() && j + k < folded.length && Redactor.fold(text.charAt(start + k)) == folded[j + k]) {
        k++;
      }
      longest = Math.max(longest, k);
    }
    return longest;
  }

  private int[] positionsOf(char c) {
    int[] at = c < ascii.length ? ascii[c] : others.get(c);
    return at == null ? NOWHERE : at;
  }
}

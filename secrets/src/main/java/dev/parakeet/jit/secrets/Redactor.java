package dev.parakeet.jit.secrets;

import java.nio.charset.StandardCharsets;

/** Removes one secret from text. */
sealed interface Redactor {

  String redact(String text);

  /** The length of the secret. */
  int length();

  /** Folds letter case the way {@link String#equalsIgnoreCase} does (ASCII first: keys are ASCII). */
  static char fold(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /**
   * A long secret, removed wherever it occurs: in any letter case, with whitespace between its
   * characters, any of them written as a JSON unicode escape ({@code \}{@code u0073}), a JSON
   * escaped solidus or a URL percent escape ({@code %73}) — a provider's JSON or a URL in a log
   * line still decodes to the key — and any long enough run of its characters ({@link Fragments}).
   * A hand-written scan rather than a regular expression: nearly every text holds no secret, and
   * most positions are rejected on their first character.
   */
  final class Anywhere implements Redactor {

    private final String secret;
    private final char[] folded;
    /** Each character's UTF-8 bytes, for percent escapes; null for half a surrogate pair. */
    private final byte[][] utf8;
    private final Fragments fragments;

    Anywhere(String secret) {
      this.secret = secret;
      this.folded = new char[secret.length()];
      this.utf8 = new byte[secret.length()][];
      for (int j = 0; j < folded.length; j++) {
        char c = secret.charAt(j);
        folded[j] = fold(c);
        utf8[j] = Character.isSurrogate(c) ? null : String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      }
      this.fragments = new Fragments(secret);
    }

    @Override
    public int length() {
      return secret.length();
    }

    @Override
    public String redact(String text) {
      return fragments.redact(disguised(text));
    }

    /** {@code text} without any occurrence of the secret, plain or disguised. */
    private String disguised(String text) {
      StringBuilder out = null;
      int copied = 0;
      int n = text.length();
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (c != '\\' && c != '%' && fold(c) != folded[0]) {
          continue;
        }
        int end = matchAt(text, i);
        if (end > 0) {
          if (out == null) {
            out = new StringBuilder(n);
          }
          out.append(text, copied, i).append(Secrets.REDACTED);
          copied = end;
          i = end - 1;
        }
      }
      return out == null ? text : out.append(text, copied, n).toString();
    }

    /** Where an occurrence of the secret that starts at {@code start} ends, or -1. */
    private int matchAt(String text, int start) {
      int p = start;
      for (int j = 0; j < folded.length; j++) {
        if (j > 0 && !Character.isWhitespace(secret.charAt(j))) {
          p = skipWhitespace(text, p);
        }
        p = p < text.length() ? one(text, p, j) : -1;
        if (p < 0) {
          return -1;
        }
      }
      return p;
    }

    /** Past the secret's {@code j}-th character written at {@code p}, or -1. */
    private int one(String text, int p, int j) {
      char t = text.charAt(p);
      if (Character.isWhitespace(secret.charAt(j)) && Character.isWhitespace(t)) {
        return skipWhitespace(text, p); // any whitespace stands for the secret's own
      }
      if (fold(t) == folded[j]) {
        return p + 1;
      }
      if (t == '\\' && p + 1 < text.length()) {
        char next = text.charAt(p + 1);
        if ((next == 'u' || next == 'U') && hex(text, p + 2, 4) == secret.charAt(j)) {
          return p + 6;
        }
        return next == '/' && secret.charAt(j) == '/' ? p + 2 : -1;
      }
      if (t == '%' && utf8[j] != null) {
        int q = p;
        for (byte octet : utf8[j]) {
          if (q >= text.length() || text.charAt(q) != '%' || hex(text, q + 1, 2) != (octet & 0xFF)) {
            return -1;
          }
          q += 3;
        }
        return q;
      }
      return -1;
    }

    private static int skipWhitespace(String text, int p) {
      while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
        p++;
      }
      return p;
    }

    /** The {@code digits} hex digits at {@code from} as a number, or -1. */
    private static int hex(String text, int from, int digits) {
      if (from + digits > text.length()) {
        return -1;
      }
      int value = 0;
      for (int i = from; i < from + digits; i++) {
        int digit = Character.digit(text.charAt(i), 16);
        if (digit < 0) {
          return -1;
        }
        value = value * 16 + digit;
      }
      return value;
    }
  }

  /**
   * A short secret, removed exactly as written where it is a word of its own: next to a letter or
   * digit it is part of another word, and removing it there would turn ordinary text to nonsense.
   */
  final class WholeWord implements Redactor {

    private final String secret;
    private final boolean wordStart;
    private final boolean wordEnd;

    WholeWord(String secret) {
      this.secret = secret;
      this.wordStart = Character.isLetterOrDigit(secret.codePointAt(0));
      this.wordEnd = Character.isLetterOrDigit(secret.codePointBefore(secret.length()));
    }

    @Override
    public int length() {
      return secret.length();
    }

    @Override
    public String redact(String text) {
      StringBuilder out = null;
      int copied = 0;
      for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
        int end = at + secret.length();
        boolean alone =
            (!wordStart || at == 0 || !Character.isLetterOrDigit(text.codePointBefore(at)))
                && (!wordEnd || end == text.length() || !Character.isLetterOrDigit(text.codePointAt(end)));
        if (alone && at >= copied) {
          if (out == null) {
            out = new StringBuilder(text.length());
          }
          out.append(text, copied, at).append(Secrets.REDACTED);
          copied = end;
        }
      }
      return out == null ? text : out.append(text, copied, text.length()).toString();
    }
  }
}

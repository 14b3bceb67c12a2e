package dev.parakeet.jit.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes one secret from text. */
sealed interface Redactor {

  String redact(String text);

  /** The length of the secret. */
  int length();

  /**
   * A long secret, removed wherever it occurs: in any letter case, with whitespace between its
   * characters, any of them written as a JSON unicode escape ({@code \}{@code u0073}), a JSON
   * escaped solidus or a URL percent escape ({@code %73}) — a provider's JSON or a URL in a log
   * line still decodes to the key — and any long enough run of its characters ({@link Fragments}).
   */
  final class Anywhere implements Redactor {

    private final int length;
    private final Pattern disguises;
    private final Fragments fragments;

    Anywhere(String secret) {
      this.length = secret.length();
      this.disguises = disguises(secret);
      this.fragments = new Fragments(secret);
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public String redact(String text) {
      Matcher matcher = disguises.matcher(text);
      String whole = matcher.find() ? matcher.replaceAll(Matcher.quoteReplacement(Secrets.REDACTED)) : text;
      return fragments.redact(whole);
    }

    private static Pattern disguises(String secret) {
      StringBuilder regex = new StringBuilder();
      secret.codePoints().forEach(codePoint -> {
        if (regex.length() > 0) {
          regex.append("\\s*");
        }
        regex.append("(?:").append(Pattern.quote(new String(Character.toChars(codePoint))));
        regex.append('|');
        for (char unit : Character.toChars(codePoint)) {
          regex.append(String.format(Locale.ROOT, "\\\\u%04x", (int) unit));
        }
        regex.append('|');
        for (byte octet : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
          regex.append(String.format(Locale.ROOT, "%%%02x", octet & 0xFF));
        }
        if (codePoint == '/') {
          regex.append("|\\\\/");
        }
        regex.append(')');
      });
      return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
  }

  /**
   * A short secret, removed exactly as written where it is a word of its own: next to a letter or
   * digit it is part of another word, and removing it there would turn ordinary text to nonsense.
   */
  final class WholeWord implements Redactor {

    private static final String LETTER_OR_DIGIT = "[\\p{L}\\p{N}]";

    private final int length;
    private final Pattern word;

    WholeWord(String secret) {
      this.length = secret.length();
      String regex = Pattern.quote(secret);
      if (Character.isLetterOrDigit(secret.codePointAt(0))) {
        regex = "(?<!" + LETTER_OR_DIGIT + ")" + regex;
      }
      if (Character.isLetterOrDigit(secret.codePointBefore(secret.length()))) {
        regex = regex + "(?!" + LETTER_OR_DIGIT + ")";
      }
      this.word = Pattern.compile(regex);
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public String redact(String text) {
      Matcher matcher = word.matcher(text);
      return matcher.find() ? matcher.replaceAll(Matcher.quoteReplacement(Secrets.REDACTED)) : text;
    }
  }
}

package dev.parakeet.jit.fakes;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text reveals a key that a {@linkplain Behavior#echoingKey hostile provider} echoed:
 * the key in any letter case, the key once JSON unicode escapes are decoded, or any run of {@link
 * #FRAGMENT} consecutive characters of it (a key cut short by a message's length limit still gives
 * most of it away).
 */
public final class KeyLeaks {

  /** The shortest part of a key that counts as revealing it. */
  public static final int FRAGMENT = 20;

  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

  private KeyLeaks() {}

  /**
   * What {@code text} reveals of {@code key}, e.g. {@code "characters 0-20 of the key"}, or null
   * when it reveals nothing.
   */
  public static String find(String text, String key) {
    if (text == null) {
      return null;
    }
    String plain = text.toLowerCase(Locale.ROOT);
    String decoded = decode(text).toLowerCase(Locale.ROOT);
    String k = key.toLowerCase(Locale.ROOT);
    for (int i = 0; i + Math.min(FRAGMENT, k.length()) <= k.length(); i++) {
      String part = k.substring(i, i + Math.min(FRAGMENT, k.length()));
      if (plain.contains(part) || decoded.contains(part)) {
        return "characters " + i + "-" + (i + part.length()) + " of the key";
      }
    }
    return null;
  }

  private static String decode(String text) {
    Matcher escape = UNICODE_ESCAPE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (escape.find()) {
      char c = (char) Integer.parseInt(escape.group(1), 16);
      escape.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(c)));
    }
    return escape.appendTail(out).toString();
  }
}

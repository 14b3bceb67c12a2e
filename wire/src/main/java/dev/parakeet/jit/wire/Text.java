package dev.parakeet.jit.wire;

/**
 * The string rules of SPEC §1.2, in one place for the validators, the thorough binder and the
 * streaming binder: valid Unicode (no lone surrogate), lengths in code points, no control
 * characters. Positions in messages are 1-based and counted in code points, as a person counts.
 */
final class Text {

  private Text() {}

  /** The index of the first lone surrogate in {@code s}, or -1 when it is valid Unicode. */
  static int loneSurrogateAt(String s) {
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /** The index of the first control character (category Cc) in {@code s}, or -1. */
  static int controlCharacterAt(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isControl(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** U+0000–U+001F and U+007F–U+009F: Unicode's control characters. */
  static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
  }

  static int codePoints(String s) {
    return s.codePointCount(0, s.length());
  }

  /** Blank as {@code @NotBlank} means it. */
  static boolean isBlank(String s) {
    return s.isBlank();
  }

  /** Why {@code s} is not valid Unicode, or null when it is. */
  static String invalidUnicode(String s) {
    int at = loneSurrogateAt(s);
    return at < 0
        ? null
        : "a lone surrogate " + escape(s.charAt(at)) + " at character " + characterNumber(s, at);
  }

  /** Why {@code s} may not be used where control characters are not allowed, or null. */
  static String controlCharacter(String s) {
    int at = controlCharacterAt(s);
    return at < 0
        ? null
        : "had U+" + String.format("%04X", (int) s.charAt(at)) + " at character " + characterNumber(s, at);
  }

  /** {@code s} with each lone surrogate written as its escape, so a path can be printed. */
  static String escapeLoneSurrogates(String s) {
    if (loneSurrogateAt(s) < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append(escape(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String escape(char c) {
    return String.format("\\u%04x", (int) c);
  }

  private static int characterNumber(String s, int index) {
    return s.codePointCount(0, index) + 1;
  }
}

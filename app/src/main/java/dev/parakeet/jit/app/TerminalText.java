package dev.parakeet.jit.app;

/**
 * Text on its way to a terminal. Everything the command line prints for people passes through
 * {@link #escape}: session ids, exercise names, a model's rationale, driver messages and the
 * rest come from outside, and a control character in them could move the cursor, forge a line of
 * the card, ring the bell, retitle the window or reorder what follows (bidi overrides). They are
 * shown as visible escapes instead. The widths here are terminal columns, so tables stay aligned
 * whatever script the text is in.
 */
final class TerminalText {

  private static final String ELLIPSIS = "…";

  private TerminalText() {}

  /**
   * The text with every control character written as a visible escape: {@code \n}, {@code \r},
   * {@code \t}, {@code \x1b} for the other C0 and C1 controls and DEL, and {@code \u202e} for
   * bidi controls, line and paragraph separators and unpaired surrogates. The result is one line
   * of printable text; escaping it again changes nothing.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    if (clean(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(i + 1));
        i += 2;
        continue;
      }
      if (!unsafe(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c <= 0xFF) {
        out.append("\\x").append(hex(c, 2));
      } else {
        out.append("\\u").append(hex(c, 4));
      }
      i++;
    }
    return out.toString();
  }

  private static String hex(char c, int digits) {
    String hex = Integer.toHexString(c);
    return "0".repeat(digits - hex.length()) + hex;
  }

  private static boolean clean(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (unsafe(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * C0, DEL and C1 controls; the bidi embeddings, overrides, isolates and marks; line and
   * paragraph separators; any surrogate (a paired one is let through by {@link #escape}).
   */
  private static boolean unsafe(char c) {
    return Character.getType(c) == Character.CONTROL
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e' || c == '\u200f' || c == '\u061c'
        || c == '\u2028' || c == '\u2029'
        || Character.isSurrogate(c);
  }

  /** How many terminal columns escaped text takes: wide (East Asian, emoji) characters take two, marks none. */
  static int width(String text) {
    int width = 0;
    int previous = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      width += columns(cp, previous);
      previous = cp;
      i += Character.charCount(cp);
    }
    return width;
  }

  /** The escaped text, cut to at most {@code columns} with an ellipsis when it is longer. */
  static String fit(String text, int columns) {
    String escaped = escape(text);
    if (width(escaped) <= columns) {
      return escaped;
    }
    StringBuilder kept = new StringBuilder();
    int used = 0;
    int limit = columns - 1; // the ellipsis takes one column
    int previous = 0;
    for (int i = 0; i < escaped.length(); ) {
      int cp = escaped.codePointAt(i);
      int w = columns(cp, previous);
      if (used + w > limit) {
        break;
      }
      kept.appendCodePoint(cp);
      used += w;
      previous = cp;
      i += Character.charCount(cp);
    }
    return kept.append(ELLIPSIS).toString();
  }

  /** The escaped text followed by spaces up to {@code columns}. */
  static String pad(String text, int columns) {
    String escaped = escape(text);
    return escaped + " ".repeat(Math.max(0, columns - width(escaped)));
  }

  private static final int ZERO_WIDTH_JOINER = 0x200D;

  /** Columns of {@code cp} after {@code previous}: what follows a zero-width joiner joins its glyph. */
  private static int columns(int cp, int previous) {
    if (previous == ZERO_WIDTH_JOINER) {
      return 0; // 👩‍👩‍👧 is one glyph of two columns, not three
    }
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || (cp >= 0xFE00 && cp <= 0xFE0F)) {
      return 0; // combining marks, zero-width joiners, variation selectors
    }
    return wide(cp) ? 2 : 1;
  }

  /** East Asian wide and fullwidth characters and emoji, as terminals lay them out (wcwidth's ranges). */
  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x231A && cp <= 0x231B)
        || (cp >= 0x2329 && cp <= 0x232A)
        || (cp >= 0x23E9 && cp <= 0x23EC)
        || (cp >= 0x25FD && cp <= 0x25FE)
        || (cp >= 0x2614 && cp <= 0x2615)
        || (cp >= 0x2648 && cp <= 0x2653)
        || (cp >= 0x26AA && cp <= 0x26AB)
        || (cp >= 0x26BD && cp <= 0x26BE)
        || (cp >= 0x26C4 && cp <= 0x26C5)
        || (cp >= 0x2705 && cp <= 0x2705)
        || (cp >= 0x270A && cp <= 0x270B)
        || (cp >= 0x2753 && cp <= 0x2755)
        || (cp >= 0x2795 && cp <= 0x2797)
        || (cp >= 0x2B1B && cp <= 0x2B1C)
        || (cp >= 0x2E80 && cp <= 0x303E)
        || (cp >= 0x3041 && cp <= 0x33FF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0xA000 && cp <= 0xA4CF)
        || (cp >= 0xA960 && cp <= 0xA97F)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE10 && cp <= 0xFE19)
        || (cp >= 0xFE30 && cp <= 0xFE6F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F004 && cp <= 0x1F004)
        || (cp >= 0x1F0CF && cp <= 0x1F0CF)
        || (cp >= 0x1F18E && cp <= 0x1F18E)
        || (cp >= 0x1F191 && cp <= 0x1F19A)
        || (cp >= 0x1F200 && cp <= 0x1F64F)
        || (cp >= 0x1F680 && cp <= 0x1F6FF)
        || (cp >= 0x1F7E0 && cp <= 0x1F7EB)
        || (cp >= 0x1F90C && cp <= 0x1F9FF)
        || (cp >= 0x1FA70 && cp <= 0x1FAFF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}

package dev.parakeet.jit.server;

/** Text from outside, made safe to quote in a message: one line, no control characters, bounded. */
final class Strings {

  private static final int MAX = 120;

  private Strings() {}

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .limit(MAX)
        .forEach(cp -> {
          if (Character.isISOControl(cp) || cp == '"' || cp == '\\' || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            out.append(String.format("\\u%04x", cp));
          } else {
            out.appendCodePoint(cp);
          }
        });
    if (text.codePointCount(0, text.length()) > MAX) {
      out.append("...");
    }
    return out.append('"').toString();
  }
}

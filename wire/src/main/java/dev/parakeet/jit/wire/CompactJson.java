package dev.parakeet.jit.wire;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Whether an accepted document's bytes are already what the wire format's mapper writes for it
 * compactly — no whitespace between tokens, only the escapes the mapper itself writes, numbers as
 * the mapper writes them back — so that its input snapshot can be those bytes, with no parse. The
 * answer may be "no" for a document that is in fact canonical (any non-ASCII byte, any {@code \\u}
 * escape): the caller then writes the snapshot the long way. It is never "yes" for one that is not
 * ({@code StreamingEquivalenceTest} compares the two on thousands of documents).
 *
 * <p>Only for documents the reader accepted: valid JSON, no duplicate names, finite numbers.
 */
final class CompactJson {

  private CompactJson() {}

  static boolean isCanonical(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int i = offset;
    while (i < end) {
      int b = bytes[i];
      switch (b) {
        case '{', '}', '[', ']', ',', ':' -> i++;
        case '"' -> {
          i = endOfString(bytes, i + 1, end);
          if (i < 0) {
            return false;
          }
        }
        case 't', 'f', 'n' -> i = endOfLiteral(bytes, i, end);
        default -> {
          if (b == '-' || (b >= '0' && b <= '9')) {
            i = endOfNumber(bytes, i, end);
            if (i < 0) {
              return false;
            }
          } else {
            return false; // whitespace, or anything the mapper would not write here
          }
        }
      }
    }
    return true;
  }

  /** After the closing quote, or -1 when the string holds what the mapper writes otherwise. */
  private static int endOfString(byte[] bytes, int from, int end) {
    for (int i = from; i < end; i++) {
      int b = bytes[i];
      if (b == '"') {
        return i + 1;
      }
      if (b < 0x20 || b >= 0x7f) {
        // Non-ASCII (its UTF-8 is the mapper's too, but it is not checked here) or DEL; a raw
        // control character cannot be in an accepted document.
        return -1;
      }
      if (b == '\\') {
        i++;
        if (i >= end) {
          return -1;
        }
        switch (bytes[i]) {
          // The escapes the mapper writes for these characters; \/ and \\u are written otherwise.
          case '"', '\\', 'b', 't', 'n', 'f', 'r' -> { }
          default -> {
            return -1;
          }
        }
      }
    }
    return -1;
  }

  private static int endOfLiteral(byte[] bytes, int from, int end) {
    int i = from;
    while (i < end && bytes[i] >= 'a' && bytes[i] <= 'z') {
      i++;
    }
    return i;
  }

  /**
   * After the number, or -1 when the mapper writes it otherwise: an integer keeps its digits
   * ({@code -0} becomes {@code 0}); any other number is a double, written by {@link
   * Double#toString}.
   */
  private static int endOfNumber(byte[] bytes, int from, int end) {
    int i = from;
    boolean integer = true;
    while (i < end) {
      int b = bytes[i];
      if (b >= '0' && b <= '9' || b == '-') {
        i++;
      } else if (b == '.' || b == 'e' || b == 'E' || b == '+') {
        integer = false;
        i++;
      } else {
        break;
      }
    }
    int length = i - from;
    if (integer) {
      return length == 2 && bytes[from] == '-' && bytes[from + 1] == '0' ? -1 : i;
    }
    long packed = length <= 8 ? pack(bytes, from, length) : 0;
    if (packed != 0 && KNOWN.getAcquire(slot(packed)) == packed) {
      return i;
    }
    String text = new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    if (!Double.toString(Double.parseDouble(text)).equals(text)) {
      return -1;
    }
    if (packed != 0) {
      KNOWN.setRelease(slot(packed), packed);
    }
    return i;
  }

  /**
   * Short numbers already found canonical, by their bytes packed into a long (an input repeats
   * the same few weights and percentages, and parsing and printing a double is most of the cost
   * of this check). A slot holds one packed number, replaced by any other that lands there; a
   * number is canonical or not the same way in every document, so a hit needs no more checking.
   */
  private static final AtomicLongArray KNOWN = new AtomicLongArray(4096);

  /** Up to 8 ASCII bytes, none zero, as one long: distinct numbers give distinct longs. */
  private static long pack(byte[] bytes, int from, int length) {
    long packed = 0;
    for (int i = from; i < from + length; i++) {
      packed = packed << 8 | bytes[i];
    }
    return packed;
  }

  private static int slot(long packed) {
    long h = packed * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 52); // the top 12 bits: 0..4095
  }
}

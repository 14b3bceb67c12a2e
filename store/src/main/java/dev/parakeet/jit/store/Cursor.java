package dev.parakeet.jit.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The position after the last item of a page, for keyset pagination: the item's time and its
 * tie-breaking key, with the listing it belongs to. Opaque to callers (URL-safe Base64), so that
 * its shape can change; anything that does not decode is an {@link InvalidCursorException}.
 */
record Cursor(Instant at, String key) {

  static final String SESSIONS = "s";
  static final String COMPARISONS = "c";

  String encode(String listing) {
    String text = listing + "|" + at.toEpochMilli() + "|" + key;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Null for a null cursor (the first page). */
  static Cursor decode(String listing, String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = text.split("\\|", 3);
      if (parts.length != 3 || !parts[0].equals(listing) || parts[2].isEmpty()) {
        throw new InvalidCursorException();
      }
      return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw e instanceof InvalidCursorException invalid ? invalid : new InvalidCursorException();
    }
  }
}

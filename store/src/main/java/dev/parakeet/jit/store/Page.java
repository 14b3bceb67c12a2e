package dev.parakeet.jit.store;

import java.util.List;

/**
 * One page of a listing, newest first. {@code nextCursor} fetches the page after this one and is
 * null on the last page. A cursor is opaque: hand it back as it came.
 */
public record Page<T>(List<T> items, String nextCursor) {

  public Page {
    items = List.copyOf(items);
  }

  /** The most a page may hold. */
  public static final int MAX_LIMIT = 1000;
}

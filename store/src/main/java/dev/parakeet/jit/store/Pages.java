package dev.parakeet.jit.store;

import java.util.List;
import java.util.function.Function;

/** Keyset pagination: fetch one row more than the page holds to know whether another follows. */
final class Pages {

  private Pages() {}

  static void checkLimit(int limit) {
    if (limit < 1 || limit > Page.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + Page.MAX_LIMIT + ", was " + limit);
    }
  }

  /** {@code rows} holds at most {@code limit + 1}; the cursor points after the page's last row. */
  static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorAfter) {
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<T> page = rows.subList(0, limit);
    return new Page<>(page, cursorAfter.apply(page.get(limit - 1)));
  }
}

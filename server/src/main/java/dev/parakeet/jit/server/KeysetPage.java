package dev.parakeet.jit.server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * One page of a newest-first list, after a cursor, of items that pass a filter.
 *
 * <p>Interim: the store can only return the first {@code n} rows of its order, with no filter and
 * no cursor, so this reads growing prefixes until the page is full or the rows run out. Correct,
 * but its cost grows with the depth of the page; it goes when the store's cursor queries land.
 */
record KeysetPage<T>(List<T> items, Cursor next) {

  static <T> KeysetPage<T> of(
      IntFunction<List<T>> firstRows,
      Function<T, Cursor> position,
      java.util.Comparator<Cursor> order,
      Predicate<T> filter,
      Cursor after,
      int limit) {
    int fetch = Math.max(64, (limit + 1) * 4);
    while (true) {
      List<T> rows = firstRows.apply(fetch);
      List<T> page = new ArrayList<>();
      for (T row : rows) {
        if (after != null && order.compare(position.apply(row), after) <= 0) {
          continue;
        }
        if (filter.test(row)) {
          page.add(row);
          if (page.size() > limit) {
            List<T> items = List.copyOf(page.subList(0, limit));
            return new KeysetPage<>(items, position.apply(items.get(limit - 1)));
          }
        }
      }
      if (rows.size() < fetch || fetch >= Integer.MAX_VALUE / 4) {
        return new KeysetPage<>(List.copyOf(page), null);
      }
      fetch *= 4;
    }
  }
}

package dev.parakeet.jit.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only copies for wire records. Unlike {@link List#copyOf} they keep {@code null}: an input
 * is bound before it is validated, and a null element must reach the validator to be reported by
 * path instead of failing the binding.
 */
public final class Copies {

  private Copies() {}

  public static <T> List<T> list(List<T> source) {
    return source == null ? null : Collections.unmodifiableList(new ArrayList<>(source));
  }

  public static <K, V> Map<K, V> map(Map<K, V> source) {
    return source == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }

  /** Lists an output always carries: never null, never modifiable. */
  public static <T> List<T> nonNull(List<T> source) {
    return source == null ? List.of() : List.copyOf(source);
  }
}

package dev.parakeet.jit.engine.validation;

/**
 * One reason an input is rejected: where (a JSON path such as {@code sorenessRatings.quads} or
 * {@code activeDisruptions[0].severity}; {@code $} for the whole document) and what is wrong.
 */
public record Violation(String path, String message) implements Comparable<Violation> {

  public static final String ROOT = "$";

  @Override
  public String toString() {
    return path + ": " + message;
  }

  @Override
  public int compareTo(Violation other) {
    int byPath = path.compareTo(other.path);
    return byPath != 0 ? byPath : message.compareTo(other.message);
  }
}

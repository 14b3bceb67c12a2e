package dev.parakeet.jit.secrets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Removes a fixed set of secrets from text; immutable. */
final class Scrubber {

  /** Below this length a secret cannot be told from ordinary words: it is not removed from text. */
  static final int SHORTEST = 4;
  /** From this length a secret is removed wherever it occurs, in any of its disguises. */
  static final int ANYWHERE = 12;

  static final Scrubber EMPTY = new Scrubber(List.of());

  private final List<Redactor> redactors;

  private Scrubber(List<Redactor> redactors) {
    this.redactors = redactors;
  }

  /** The redactor of one secret, or null when it is too short to be removed from text. */
  static Redactor redactorOf(String secret) {
    if (secret.length() < SHORTEST) {
      return null;
    }
    return secret.length() >= ANYWHERE ? new Redactor.Anywhere(secret) : new Redactor.WholeWord(secret);
  }

  /** This scrubber and one more redactor; longest secret first, so one that contains another goes whole. */
  Scrubber with(Redactor redactor) {
    List<Redactor> more = new ArrayList<>(redactors);
    more.add(redactor);
    more.sort(Comparator.comparingInt(Redactor::length).reversed());
    return new Scrubber(List.copyOf(more));
  }

  String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String scrubbed = text;
    for (Redactor redactor : redactors) {
      scrubbed = redactor.redact(scrubbed);
    }
    return scrubbed;
  }
}

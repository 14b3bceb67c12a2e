package dev.parakeet.jit.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SessionBatch} groups generations into transactions: a transaction is committed when
 * it holds {@code maxGenerations}, or {@code maxDelay} after its first generation was added,
 * whichever comes first (or at once on {@link SessionBatch#flush()} and {@link
 * SessionBatch#close()}). Larger groups write faster; {@code maxDelay} bounds how long an added
 * generation waits to be committed — and so to be reported — when input comes slowly.
 * {@code queueCapacity} bounds what waits in memory: {@link SessionBatch#add} blocks beyond it.
 */
public record BatchPolicy(int maxGenerations, Duration maxDelay, int queueCapacity) {

  /** 500 generations or 100 ms per transaction, at most 2,000 waiting. */
  public static final BatchPolicy DEFAULT = new BatchPolicy(500, Duration.ofMillis(100), 2_000);

  public BatchPolicy {
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxGenerations < 1) {
      throw new IllegalArgumentException("maxGenerations must be >= 1, was " + maxGenerations);
    }
    if (maxDelay.isNegative()) {
      throw new IllegalArgumentException("maxDelay must not be negative, was " + maxDelay);
    }
    if (queueCapacity < maxGenerations) {
      throw new IllegalArgumentException(
          "queueCapacity must be >= maxGenerations, was " + queueCapacity + " < " + maxGenerations);
    }
  }
}

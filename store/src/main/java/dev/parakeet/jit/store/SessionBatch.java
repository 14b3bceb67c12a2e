package dev.parakeet.jit.store;

/**
 * Records many generations in input order, grouped in transactions ({@link BatchPolicy}), on a
 * writer thread of its own, and tells a {@link BatchListener} which are committed. For {@code
 * replay}: generate in parallel, add the results in input order, print each line when the
 * listener says it is committed. A session regenerated several times in one batch gets its
 * revisions in input order: the last added is the latest, and its history follows the order.
 *
 * <p>Not for concurrent producers: one thread adds, in the order it means. A failure stops the
 * batch ({@link BatchListener#failed}); generations before the failing one are committed, none
 * after it.
 *
 * @param <T> what the caller attaches to each item, handed back by the listener
 */
public interface SessionBatch<T> extends AutoCloseable {

  /**
   * Queues a generation (serialising it on the calling thread); blocks while the queue is full.
   *
   * @throws StoreException when the batch has failed or is closed
   */
  void add(GenerationToStore generation, T ticket);

  /**
   * As {@link #add(GenerationToStore, Object)}, for a generation serialised beforehand (on a worker
   * thread, say): nothing is serialised on the calling thread.
   *
   * @throws StoreException when the batch has failed or is closed
   */
  default void add(PreparedGeneration generation, T ticket) {
    add(generation.generation(), ticket);
  }

  /**
   * Queues an item with nothing to store (a rejected input line, say): delivered to the listener
   * in its place, once everything added before it is committed.
   *
   * @throws StoreException when the batch has failed or is closed
   */
  void pass(T ticket);

  /**
   * Commits everything added so far without waiting for the policy, and returns once it is
   * delivered.
   *
   * @throws StoreException when the batch has failed
   */
  void flush();

  /**
   * Commits and delivers everything added, then stops the writer thread. Idempotent.
   *
   * @throws StoreException when the batch has failed (also when the failure was already thrown)
   */
  @Override
  void close();
}

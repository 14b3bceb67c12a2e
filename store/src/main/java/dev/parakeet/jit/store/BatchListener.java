package dev.parakeet.jit.store;

import java.util.List;

/**
 * What a {@link SessionBatch} tells its owner, on the batch's own writer thread, one call at a
 * time, in input order.
 *
 * @param <T> whatever the owner attached to each item (a line number, an output line, a future)
 */
public interface BatchListener<T> {

  /**
   * These items are durable: their generations were committed (a power cut keeps them), and every
   * item added before them was delivered earlier. Items added with {@link SessionBatch#pass} come
   * here too, in their place. Report them now — a process killed after this call loses none of
   * them, and one killed before it reported none of them.
   */
  void committed(List<T> tickets);

  /**
   * The batch stopped: {@code ticket}'s generation (the first not committed) could not be stored.
   * Every item before it was delivered to {@link #committed}; nothing from it on is written, and
   * the batch's methods throw {@code failure} from now on. Called at most once.
   */
  default void failed(T ticket, StoreException failure) {}
}

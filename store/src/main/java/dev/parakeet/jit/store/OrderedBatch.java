package dev.parakeet.jit.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link SessionBatch}: a queue in input order and one writer thread that takes a group off its
 * head ({@link BatchPolicy}), commits it in one transaction ({@link SessionWrites#group}) and
 * delivers its tickets. Items carry a sequence number; {@code delivered} is the last one the
 * listener has been given, which is what {@link #flush()} and {@link #close()} wait for.
 *
 * <p>When a group fails, its generations are tried again one transaction each, in order, so that
 * the failure names the generation that cannot be stored and everything before it is committed and
 * delivered — the same outcome as writing them one by one.
 */
final class OrderedBatch<T> implements SessionBatch<T> {

  private record Item<T>(long sequence, SessionSql.Write write, T ticket, long addedAt) {}

  private final SessionWrites writes;
  private final BatchPolicy policy;
  private final BatchListener<T> listener;
  private final Thread writer;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Item<T>> queue = new ArrayDeque<>();
  private long added;
  private long delivered;
  private long flushTo;
  private boolean closing;
  private RuntimeException failure;

  OrderedBatch(SessionWrites writes, BatchPolicy policy, BatchListener<T> listener) {
    this.writes = writes;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.writer = new Thread(this::run, "parakeet-store-batch");
    // A batch that is never closed must not keep the JVM alive; close() waits for the writer.
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void add(GenerationToStore generation, T ticket) {
    Objects.requireNonNull(generation, "generation");
    enqueue(SessionSql.Write.of(generation), ticket);
  }

  @Override
  public void add(PreparedGeneration generation, T ticket) {
    Objects.requireNonNull(generation, "generation");
    enqueue(generation.write(), ticket);
  }

  @Override
  public void pass(T ticket) {
    enqueue(null, ticket);
  }

  private void enqueue(SessionSql.Write write, T ticket) {
    lock.lock();
    try {
      while (true) {
        throwIfFailed();
        if (closing) {
          throw new StoreException("the session batch is closed");
        }
        if (queue.size() < policy.queueCapacity()) {
          break;
        }
        await();
      }
      queue.addLast(new Item<>(++added, write, ticket, System.nanoTime()));
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void flush() {
    lock.lock();
    try {
      flushTo = Math.max(flushTo, added);
      changed.signalAll();
      while (delivered < flushTo && failure == null) {
        await();
      }
      throwIfFailed();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (!closing) {
        closing = true;
        flushTo = added;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
    if (Thread.currentThread() != writer) {
      boolean interrupted = false;
      while (writer.isAlive()) {
        try {
          writer.join();
        } catch (InterruptedException e) {
          interrupted = true; // the writer finishes what it started; wait for it anyway
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    lock.lock();
    try {
      throwIfFailed();
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    while (true) {
      List<Item<T>> group = next();
      if (group == null) {
        return;
      }
      if (!process(group)) {
        return;
      }
    }
  }

  /** The next group, or null when the batch is closed and empty. */
  private List<Item<T>> next() {
    lock.lock();
    try {
      while (queue.isEmpty()) {
        if (closing || failure != null) {
          return null;
        }
        changed.awaitUninterruptibly();
      }
      long deadline = queue.peekFirst().addedAt() + policy.maxDelay().toNanos();
      while (queue.size() < policy.maxGenerations() && !closing && flushTo <= delivered) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          changed.awaitNanos(left);
        } catch (InterruptedException e) {
          // Nobody else holds this thread; ignore, as awaitUninterruptibly does above.
        }
      }
      List<Item<T>> group = new ArrayList<>(Math.min(queue.size(), policy.maxGenerations()));
      while (!queue.isEmpty() && group.size() < policy.maxGenerations()) {
        group.add(queue.pollFirst());
      }
      changed.signalAll(); // room in the queue
      return group;
    } finally {
      lock.unlock();
    }
  }

  /** Commits and delivers the group; false when the batch has failed. */
  private boolean process(List<Item<T>> group) {
    List<SessionSql.Write> toWrite = new ArrayList<>(group.size());
    for (Item<T> item : group) {
      if (item.write() != null) {
        toWrite.add(item.write());
      }
    }
    try {
      if (!toWrite.isEmpty()) {
        writes.group(toWrite);
      }
    } catch (StoreException e) {
      return toWrite.size() == 1 ? fail(firstToWrite(group), e) : oneByOne(group);
    }
    return deliver(group);
  }

  /** After a failed group: each generation in its own transaction, until one fails. */
  private boolean oneByOne(List<Item<T>> group) {
    List<Item<T>> ready = new ArrayList<>();
    for (Item<T> item : group) {
      if (item.write() != null) {
        try {
          writes.one(item.write());
        } catch (StoreException e) {
          return deliver(ready) && fail(item, e);
        }
      }
      ready.add(item);
    }
    return deliver(ready);
  }

  private static <T> Item<T> firstToWrite(List<Item<T>> group) {
    return group.stream().filter(item -> item.write() != null).findFirst().orElseThrow();
  }

  private boolean deliver(List<Item<T>> items) {
    if (items.isEmpty()) {
      return true;
    }
    List<T> tickets = new ArrayList<>(items.size());
    for (Item<T> item : items) {
      tickets.add(item.ticket());
    }
    try {
      listener.committed(tickets);
    } catch (RuntimeException e) {
      // The owner's own failure (its output is gone, say): stop, and hand it back as it is.
      stop(e);
      return false;
    }
    lock.lock();
    try {
      delivered = items.get(items.size() - 1).sequence();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    return true;
  }

  private boolean fail(Item<T> item, StoreException e) {
    try {
      listener.failed(item.ticket(), e);
    } catch (RuntimeException listenerFailure) {
      e.addSuppressed(listenerFailure);
    }
    stop(e);
    return false;
  }

  private void stop(RuntimeException e) {
    lock.lock();
    try {
      failure = e;
      queue.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void throwIfFailed() {
    if (failure != null) {
      throw failure;
    }
  }

  /** Waits for a change; an interrupted caller gets a StoreException and keeps its interrupt. */
  private void await() {
    try {
      changed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the session store", e);
    }
  }
}

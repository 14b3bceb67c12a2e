package dev.parakeet.jit.server;

import dev.parakeet.jit.store.BatchListener;
import dev.parakeet.jit.store.BatchPolicy;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.store.SessionBatch;
import dev.parakeet.jit.store.SessionRepository;
import dev.parakeet.jit.store.StoreException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for concurrent requests: each request's generation joins the store's {@link
 * SessionBatch}, which writes whatever has queued while its previous transaction committed as one
 * transaction; the request waits until its own generation is committed (durable as a write of its
 * own would be), so a 200 still means stored. One commit — the WAL flush, the round trips — is
 * shared by all the requests of a group instead of paid by each.
 *
 * <p>When a group cannot be stored the batch names the first generation that failed (after trying
 * the group's generations one by one: every one before it is committed and answered): that request
 * gets the failure, and every request whose generation the stopped batch did not write falls back
 * to a transaction of its own ({@link SessionRepository#record}), so a failure of one never costs
 * another its answer, and a database that is down fails each on its own write (503 with the
 * session). The next request starts a new batch.
 */
final class GroupCommit implements AutoCloseable {

  /** The batch: no wait for more (a group is what queued during the last commit), bounded queue. */
  static final BatchPolicy POLICY = new BatchPolicy(256, java.time.Duration.ZERO, 4_096);

  private enum Outcome { COMMITTED, NOT_WRITTEN }

  private final SessionRepository sessions;
  private final BatchPolicy policy;
  /** Held while adding: {@link SessionBatch} takes one producer at a time. */
  private final ReentrantLock adding = new ReentrantLock();
  private Lane lane; // guarded by adding
  private boolean closed; // guarded by adding

  GroupCommit(SessionRepository sessions) {
    this(sessions, POLICY);
  }

  GroupCommit(SessionRepository sessions, BatchPolicy policy) {
    this.sessions = sessions;
    this.policy = policy;
  }

  /**
   * Records the generation and returns once it is committed.
   *
   * @throws dev.parakeet.jit.store.OwnerConflictException when the session belongs to another lifter
   * @throws StoreException when it could not be stored
   */
  void record(GenerationToStore generation) {
    CompletableFuture<Outcome> ticket = new CompletableFuture<>();
    Lane used;
    adding.lock();
    try {
      if (closed) {
        used = null;
      } else {
        if (lane == null || lane.dead) {
          if (lane != null) {
            lane.discard();
          }
          lane = new Lane();
        }
        used = lane;
        used.pending.add(ticket);
        try {
          used.batch.add(generation, ticket);
        } catch (StoreException stopped) {
          used.dead = true; // the batch failed before this was queued: nothing of it was written
        }
      }
    } finally {
      adding.unlock();
    }
    if (used != null && used.dead) {
      // The batch stopped around this add: whatever it had not committed, it never will.
      ticket.complete(Outcome.NOT_WRITTEN);
    }
    Outcome outcome = used == null ? Outcome.NOT_WRITTEN : await(ticket);
    if (used != null) {
      used.pending.remove(ticket);
    }
    if (outcome == Outcome.NOT_WRITTEN) {
      sessions.record(generation);
    }
  }

  private static Outcome await(CompletableFuture<Outcome> ticket) {
    try {
      return ticket.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }

  /** Requests waiting for their group's commit now (for tests). */
  int waiting() {
    adding.lock();
    try {
      return lane == null ? 0 : lane.pending.size();
    } finally {
      adding.unlock();
    }
  }

  /** Commits what is queued and stops the writer; later calls write on their own. Idempotent. */
  @Override
  public void close() {
    adding.lock();
    try {
      closed = true;
      if (lane != null) {
        lane.discard();
        lane = null;
      }
    } finally {
      adding.unlock();
    }
  }

  /** One batch and the requests waiting on it. */
  private final class Lane implements BatchListener<CompletableFuture<Outcome>> {

    final Set<CompletableFuture<Outcome>> pending = ConcurrentHashMap.newKeySet();
    final SessionBatch<CompletableFuture<Outcome>> batch = sessions.batch(policy, this);
    volatile boolean dead;

    @Override
    public void committed(List<CompletableFuture<Outcome>> tickets) {
      for (CompletableFuture<Outcome> ticket : tickets) {
        ticket.complete(Outcome.COMMITTED);
      }
    }

    @Override
    public void failed(CompletableFuture<Outcome> ticket, StoreException failure) {
      // Dead first, then the drain: an add that saw the lane alive put its ticket in pending
      // before this read it, and one that sees it dead completes its own (GroupCommit#record).
      dead = true;
      ticket.completeExceptionally(failure);
      for (CompletableFuture<Outcome> other : pending) {
        other.complete(Outcome.NOT_WRITTEN);
      }
    }

    /** Commits what it holds (a failed batch: nothing), then stops its writer. */
    void discard() {
      try {
        batch.close();
      } catch (StoreException failedEarlier) {
        // Already answered: the failing request got it, the others wrote on their own.
      }
    }
  }
}

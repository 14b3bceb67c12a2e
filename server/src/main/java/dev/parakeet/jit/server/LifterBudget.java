package dev.parakeet.jit.server;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many model calls each lifter may cause in any sliding hour (SPEC §10.4). In memory, per
 * process: with several instances each keeps its own counts (docs/ARCHITECTURE.md says what that
 * means). Thread-safe.
 */
final class LifterBudget {

  private static final long HOUR_MS = 3_600_000L;
  private static final int SWEEP_EVERY = 4_096;

  private final int callsPerHour;
  private final Clock clock;
  private final Map<String, Deque<Long>> calls = new ConcurrentHashMap<>();
  private int untilSweep = SWEEP_EVERY; // racy on purpose: an approximate countdown is enough

  LifterBudget(int callsPerHour, Clock clock) {
    this.callsPerHour = callsPerHour;
    this.clock = clock;
  }

  int callsPerHour() {
    return callsPerHour;
  }

  /** Takes one call from {@code lifterId}'s budget; false when the hour's calls are used up. */
  boolean tryTake(String lifterId) {
    long now = clock.millis();
    if (--untilSweep <= 0) {
      untilSweep = SWEEP_EVERY;
      sweep(now);
    }
    Deque<Long> times = calls.computeIfAbsent(lifterId, id -> new ArrayDeque<>());
    synchronized (times) {
      expire(times, now);
      if (times.size() >= callsPerHour) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }

  /** Gives back the call just taken (it was not made after all). */
  void giveBack(String lifterId) {
    Deque<Long> times = calls.get(lifterId);
    if (times != null) {
      synchronized (times) {
        times.pollLast();
      }
    }
  }

  /** Forgets lifters with no call in the last hour, so memory follows active lifters only. */
  private void sweep(long now) {
    calls.entrySet().removeIf(entry -> {
      Deque<Long> times = entry.getValue();
      synchronized (times) {
        expire(times, now);
        return times.isEmpty();
      }
    });
  }

  private static void expire(Deque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() <= now - HOUR_MS) {
      times.pollFirst();
    }
  }
}

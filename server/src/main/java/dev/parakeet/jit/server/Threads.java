package dev.parakeet.jit.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for work that waits (replay lines waiting on a model): virtual threads where the
 * runtime has them (Java 21+), else daemon platform threads. Found reflectively, because the code
 * is compiled for Java 17.
 */
final class Threads {

  private Threads() {}

  static boolean virtualThreadsAvailable() {
    return Runtime.version().feature() >= 21;
  }

  /** An executor that starts one thread per task. */
  static ExecutorService perTask(String name) {
    if (virtualThreadsAvailable()) {
      try {
        return (ExecutorService)
            MethodHandles.publicLookup()
                .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class))
                .invoke();
      } catch (Throwable e) {
        // Fall through to platform threads.
      }
    }
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newCachedThreadPool(factory);
  }
}

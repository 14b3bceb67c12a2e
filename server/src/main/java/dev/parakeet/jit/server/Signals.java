package dev.parakeet.jit.server;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop, not an abrupt exit: the server stops in order and the
 * process exits 0 (a JVM left to its default handler would exit 143).
 */
final class Signals {

  private Signals() {}

  static void onTermination(Runnable action) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> action.run());
      } catch (IllegalArgumentException e) {
        // This platform does not have the signal (or it is reserved): a shutdown hook still stops the server.
        Runtime.getRuntime().addShutdownHook(new Thread(action, "parakeet-stop"));
      }
    }
  }
}

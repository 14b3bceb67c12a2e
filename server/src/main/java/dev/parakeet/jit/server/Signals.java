package dev.parakeet.jit.server;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * SIGTERM and SIGINT as a request to stop, not an abrupt exit: the server stops in order and the
 * process exits 0 (a JVM left to its default handler would exit 143).
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}) is the only way the JDK offers to
 * handle a signal. It is reached by reflection because naming it in source makes javac print an
 * unsuppressible "internal proprietary API" warning on every build. Where it is missing, a
 * shutdown hook still stops the server in order (exit status 143).
 */
final class Signals {

  private Signals() {}

  static void onTermination(Runnable action) {
    for (String name : new String[] {"TERM", "INT"}) {
      if (!handle(name, action)) {
        Runtime.getRuntime().addShutdownHook(new Thread(action, "parakeet-stop"));
        return;
      }
    }
  }

  /** Installs {@code action} as the handler of signal {@code name}; false when this runtime cannot. */
  private static boolean handle(String name, Runnable action) {
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Constructor<?> signalOf = signalType.getConstructor(String.class);
      Method install = signalType.getMethod("handle", signalType, handlerType);
      Object handler = Proxy.newProxyInstance(
          Signals.class.getClassLoader(),
          new Class<?>[] {handlerType},
          (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              action.run();
              return null;
            }
            return switch (method.getName()) {
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> "parakeet-stop";
            };
          });
      install.invoke(null, signalOf.newInstance(name), handler);
      return true;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // No such class, or the platform reserves the signal (IllegalArgumentException inside).
      return false;
    }
  }
}

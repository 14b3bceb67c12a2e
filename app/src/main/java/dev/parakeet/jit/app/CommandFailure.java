package dev.parakeet.jit.app;

/**
 * A command cannot go on: the message is for the user (one line, no stack trace) and the exit
 * status says what kind of failure it was. {@link Cli} prints and returns it.
 */
final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CommandFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  static CommandFailure rejected(String message) {
    return new CommandFailure(ExitCode.REJECTED, message, null);
  }

  int exitCode() {
    return exitCode;
  }
}

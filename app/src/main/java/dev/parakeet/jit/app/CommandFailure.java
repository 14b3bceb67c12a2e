package dev.parakeet.jit.app;

/**
 * A command cannot go on: the message is for the user (one line, no stack trace) and the exit
 * status says what kind of failure it was. {@link Cli} prints and returns it.
 */
final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final boolean usage;

  private CommandFailure(int exitCode, boolean usage, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.usage = usage;
  }

  CommandFailure(int exitCode, String message, Throwable cause) {
    this(exitCode, false, message, cause);
  }

  /** The command line (or the configuration it reads) is wrong: exit 2, with a pointer to --help. */
  static CommandFailure usage(String message) {
    return new CommandFailure(ExitCode.REJECTED, true, message, null);
  }

  /** Anything else that stops the command: exit 1. */
  static CommandFailure failed(String message, Throwable cause) {
    return new CommandFailure(ExitCode.FAILURE, false, message, cause);
  }

  int exitCode() {
    return exitCode;
  }

  /** Whether the person should be pointed at the command's help. */
  boolean usage() {
    return usage;
  }
}

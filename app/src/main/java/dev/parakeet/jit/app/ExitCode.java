package dev.parakeet.jit.app;

/** The exit statuses of SPEC §9.1. A fallback to the formula is not an error: it exits 0. */
public final class ExitCode {

  public static final int OK = 0;
  /** Anything else: unreadable file, storage failure, a defect. */
  public static final int FAILURE = 1;
  /** The input (document or command line) was rejected; every violation is on standard error. */
  public static final int REJECTED = 2;

  private ExitCode() {}
}

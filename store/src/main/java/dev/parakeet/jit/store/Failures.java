package dev.parakeet.jit.store;

import dev.parakeet.jit.secrets.Secrets;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Pattern;
import org.postgresql.util.GT;

/**
 * Turns whatever went wrong below into a {@link StoreException} a person can read: one line,
 * the database's own words (the first SQL exception's message, not JDBI's wrapper that repeats the
 * statement and its arguments), and no password — neither the one this database was opened with
 * nor anything that looks like {@code password=...} or {@code user:secret@host}.
 */
final class Failures {

  private static final int MAX_MESSAGE = 500;
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)(password\\s*[=:]\\s*)[^&\\s;,'\"]+");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@\\s:]+:)[^@\\s/]+@");

  private final Set<String> secrets;

  Failures(Set<String> secrets) {
    this.secrets = Set.copyOf(secrets);
    // The process's registry too: the log output and every other adapter then know the password.
    this.secrets.forEach(Secrets.process()::register);
  }

  StoreException wrap(String what, Throwable failure) {
    if (failure instanceof StoreException already) {
      return already;
    }
    String message = clean(what + ": " + describe(failure));
    // The cause is kept for stack traces only when nothing in its chain mentions a secret.
    return leaks(failure) ? new StoreException(message) : new StoreException(message, failure);
  }

  /** The failure in the database's own words, cleaned: what may be logged. */
  String line(Throwable failure) {
    return clean(describe(failure));
  }

  String clean(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, "***");
    }
    result = PASSWORD_PARAM.matcher(result).replaceAll("$1***");
    result = USER_INFO.matcher(result).replaceAll("$1***@");
    result = result.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    return result.length() > MAX_MESSAGE ? result.substring(0, MAX_MESSAGE - 1) + "…" : result;
  }

  /** The database's own words for failure, not yet cleaned: {@link #line} cleans them. */
  private static String describe(Throwable failure) {
    // The driver's own words for a timed-out read ("An I/O error occurred while sending to the
    // backend") do not say that the server went silent, which is what the reader needs to know.
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return silent(Timeouts.SOCKET_SECONDS);
      }
      if (t instanceof SQLException && LoginTimeout.MESSAGE.equals(t.getMessage())) {
        return silent(Timeouts.LOGIN_SECONDS);
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException && t.getMessage() != null) {
        return t.getMessage();
      }
      if (t instanceof java.io.UncheckedIOException && t.getMessage() != null) {
        return t.getMessage(); // ours, written to be read (see OpenLock)
      }
    }
    Throwable deepest = failure;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    return deepest.getMessage() != null
        ? deepest.getMessage()
        : deepest.getClass().getSimpleName();
  }

  private static String silent(int seconds) {
    return "the database server did not answer within " + seconds + " s";
  }

  /**
   * pgjdbc's login timeout carries neither a cause nor a state of its own, only this message, in
   * the JVM's language: ask the driver for the same translation it used.
   */
  private static final class LoginTimeout {
    static final String MESSAGE = GT.tr("Connection attempt timed out.");
  }

  private boolean leaks(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message == null) {
        continue;
      }
      for (String secret : secrets) {
        if (message.contains(secret)) {
          return true;
        }
      }
      if (PASSWORD_PARAM.matcher(message).find() || USER_INFO.matcher(message).find()) {
        return true;
      }
    }
    return false;
  }
}

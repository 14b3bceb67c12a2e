package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class RetryTest {

  private static final Failures NO_SECRETS = new Failures(Set.of());

  @Test
  void busyAndLockedAreRetriedUntilTheWorkSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    String result = Retry.transaction(NO_SECRETS, () -> {
      if (calls.incrementAndGet() < 3) {
        throw new IllegalStateException(
            "wrapped", new SQLiteException("[SQLITE_BUSY] database is locked", SQLiteErrorCode.SQLITE_BUSY));
      }
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(calls).hasValue(3);
  }

  @Test
  void retriesAreBounded() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> Retry.transaction(NO_SECRETS, () -> {
      calls.incrementAndGet();
      throw new RuntimeException(new SQLiteException("locked", SQLiteErrorCode.SQLITE_LOCKED));
    })).isInstanceOf(RuntimeException.class);
    assertThat(calls).hasValue(Retry.MAX_ATTEMPTS);
  }

  @Test
  void otherFailuresAreNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> Retry.transaction(NO_SECRETS, () -> {
      calls.incrementAndGet();
      throw new RuntimeException(new SQLiteException("constraint", SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK));
    })).isInstanceOf(RuntimeException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void whatIsTransient() {
    assertThat(Retry.isTransient(new SQLiteException("x", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT))).isTrue();
    assertThat(Retry.isTransient(new SQLiteException("x", SQLiteErrorCode.SQLITE_LOCKED_SHAREDCACHE))).isTrue();
    assertThat(Retry.isTransient(new SQLException("serialization", "40001"))).isTrue();
    assertThat(Retry.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
    assertThat(Retry.isTransient(new SQLException("unique", "23505"))).isFalse();
    assertThat(Retry.isTransient(new IllegalStateException("no"))).isFalse();
  }

  @Test
  void theBusyWarningIsScrubbedOfSecrets() {
    Failures failures = new Failures(Set.of("hunter2-S3cret"));
    Logger logger = (Logger) LoggerFactory.getLogger(Retry.class);
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    logger.addAppender(warnings);
    AtomicInteger calls = new AtomicInteger();
    try {
      Retry.transaction(failures, () -> {
        if (calls.incrementAndGet() == 1) {
          // What a driver may well say: the URL it was given, and whatever the server echoed.
          throw new RuntimeException(new SQLiteException(
              "[SQLITE_BUSY] database is locked (jdbc:postgresql://db/p?password=other-secret,"
                  + " server said hunter2-S3cret\nsecond line)",
              SQLiteErrorCode.SQLITE_BUSY));
        }
        return "done";
      });
    } finally {
      logger.detachAppender(warnings);
    }
    List<String> lines = warnings.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines).singleElement().satisfies(line -> {
      assertThat(line).startsWith("database busy (attempt 1 of " + Retry.MAX_ATTEMPTS + ": ");
      assertThat(line).contains("database is locked", "password=***", "server said ***")
          .doesNotContain("hunter2-S3cret").doesNotContain("other-secret").doesNotContain("\n");
    });
  }
}

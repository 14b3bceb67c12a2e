package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class RetryTest {

  @Test
  void busyAndLockedAreRetriedUntilTheWorkSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    String result = Retry.transaction(() -> {
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
    assertThatThrownBy(() -> Retry.transaction(() -> {
      calls.incrementAndGet();
      throw new RuntimeException(new SQLiteException("locked", SQLiteErrorCode.SQLITE_LOCKED));
    })).isInstanceOf(RuntimeException.class);
    assertThat(calls).hasValue(Retry.MAX_ATTEMPTS);
  }

  @Test
  void otherFailuresAreNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> Retry.transaction(() -> {
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
}

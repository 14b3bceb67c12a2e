package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.model.StrategySetting;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** {@link LifterSettingsRepository} on JDBI, for both vendors. */
final class JdbiLifterSettingsRepository implements LifterSettingsRepository {

  private static final String FIND =
      "SELECT lifter_id, jit_strategy, updated_at FROM lifter_settings WHERE lifter_id = :lifterId";

  private static final String PUT =
      """
      INSERT INTO lifter_settings (lifter_id, jit_strategy, updated_at)
      VALUES (:lifterId, :jitStrategy, :now)
      ON CONFLICT (lifter_id) DO UPDATE SET
          jit_strategy = excluded.jit_strategy,
          updated_at = excluded.updated_at
      """;

  private final Transactions transactions;
  private final Vendor vendor;
  private final Clock clock;

  JdbiLifterSettingsRepository(Transactions transactions, Vendor vendor, Clock clock) {
    this.transactions = transactions;
    this.vendor = vendor;
    this.clock = clock;
  }

  @Override
  public Optional<LifterSetting> find(String lifterId) {
    Objects.requireNonNull(lifterId, "lifterId");
    return transactions.read(
        "could not read the settings of lifter " + lifterId,
        handle -> handle.createQuery(FIND)
            .bind("lifterId", lifterId)
            .map((rows, ctx) -> new LifterSetting(
                rows.getString("lifter_id"),
                StrategySetting.valueOf(rows.getString("jit_strategy").toUpperCase(Locale.ROOT)),
                JdbiSetup.instant(rows, "updated_at", vendor)))
            .findOne());
  }

  @Override
  public LifterSetting put(String lifterId, StrategySetting setting) {
    Objects.requireNonNull(lifterId, "lifterId");
    Objects.requireNonNull(setting, "setting");
    if (lifterId.isBlank() || lifterId.length() > 200) {
      throw new IllegalArgumentException("lifterId must be 1..200 characters");
    }
    return transactions.write(
        "could not save the settings of lifter " + lifterId,
        handle -> {
          Instant now = Timestamps.stored(clock.instant());
          handle.createUpdate(PUT)
              .bind("lifterId", lifterId)
              .bind("jitStrategy", setting.wire())
              .bind("now", now)
              .execute();
          return new LifterSetting(lifterId, setting, now);
        });
  }
}

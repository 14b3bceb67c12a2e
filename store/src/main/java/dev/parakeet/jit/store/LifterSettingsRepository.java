package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.model.StrategySetting;
import java.util.Optional;

/** The lifters' strategy settings (SPEC §8): read when a request names no strategy. */
public interface LifterSettingsRepository {

  /** The lifter's setting, or empty when the lifter never set one. */
  Optional<LifterSetting> find(String lifterId);

  /** Sets (or replaces) the lifter's setting, stamped with the store's clock; returns it. */
  LifterSetting put(String lifterId, StrategySetting setting);
}

package dev.parakeet.jit.store;

import dev.parakeet.jit.engine.model.StrategySetting;
import java.time.Instant;

/** A lifter's strategy setting (SPEC §8, {@code lifter_settings}) and when it was last set. */
public record LifterSetting(String lifterId, StrategySetting jitStrategy, Instant updatedAt) {}

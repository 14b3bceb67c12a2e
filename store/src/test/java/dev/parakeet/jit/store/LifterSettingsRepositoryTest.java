package dev.parakeet.jit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.engine.model.StrategySetting;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifters' strategy settings (SPEC §8, lifter_settings), on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class LifterSettingsRepositoryTest {

  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

  private final Backend backend;
  @TempDir Path tempDir;
  private TestClock clock;
  private Backend.TestDatabase test;
  private LifterSettingsRepository settings;

  LifterSettingsRepositoryTest(Backend backend) {
    this.backend = backend;
  }

  @BeforeEach
  void open() {
    clock = new TestClock(T0);
    test = backend.open(tempDir, clock);
    settings = test.db().lifterSettings();
  }

  @AfterEach
  void close() {
    test.close();
  }

  @Test
  void aLifterWithoutASettingHasNone() {
    assertThat(settings.find("lifter-1")).isEmpty();
  }

  @Test
  void aSettingIsPutReadAndReplaced() {
    LifterSetting first = settings.put("lifter-1", StrategySetting.HYBRID);
    assertThat(first.jitStrategy()).isEqualTo(StrategySetting.HYBRID);
    assertThat(settings.find("lifter-1")).contains(first);

    clock.advance(Duration.ofHours(1));
    LifterSetting second = settings.put("lifter-1", StrategySetting.FORMULA);
    assertThat(settings.find("lifter-1")).contains(second);
    assertThat(second.updatedAt()).isAfter(first.updatedAt().plus(Duration.ofMinutes(59)));

    settings.put("lifter-2", StrategySetting.LLM);
    assertThat(settings.find("lifter-1").orElseThrow().jitStrategy()).isEqualTo(StrategySetting.FORMULA);
    assertThat(settings.find("lifter-2").orElseThrow().jitStrategy()).isEqualTo(StrategySetting.LLM);
  }

  @Test
  void everySettingRoundTripsAndTheTableChecksTheValue() {
    for (StrategySetting setting : StrategySetting.values()) {
      settings.put("lifter-" + setting.wire(), setting);
      assertThat(settings.find("lifter-" + setting.wire()).orElseThrow().jitStrategy()).isEqualTo(setting);
    }
    assertThatThrownBy(() -> test.db().jdbi().useHandle(h -> h.execute(
            "UPDATE lifter_settings SET jit_strategy = 'magic'")))
        .hasMessageContaining(backend == Backend.SQLITE ? "CHECK constraint failed" : "check constraint");
  }

  @Test
  void aBlankLifterIsRefused() {
    assertThatThrownBy(() -> settings.put(" ", StrategySetting.AUTO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

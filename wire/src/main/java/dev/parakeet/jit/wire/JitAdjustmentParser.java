package dev.parakeet.jit.wire;

import dev.parakeet.jit.engine.port.JitAdjustment;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The strict parser for a model's answer (SPEC §5.1): wrong types, a fraction where an integer
 * belongs, unknown enum values, extra fields, values out of bounds, more than five rationale lines
 * or a line over 200 characters are all rejected with the path named. Thread-safe.
 */
public final class JitAdjustmentParser {

  private static final String WHAT = "JitAdjustment";

  private final StrictBinder binder = StrictBinder.SHARED;

  /** @throws DocumentRejectedException with the stage and every violation */
  public JitAdjustment parse(String json) {
    return binder.bind(json.getBytes(StandardCharsets.UTF_8), JitAdjustment.class, WHAT, a -> List.of()).value();
  }
}

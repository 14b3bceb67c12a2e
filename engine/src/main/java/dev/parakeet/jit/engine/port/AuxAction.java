package dev.parakeet.jit.engine.port;

import dev.parakeet.jit.engine.model.WireEnum;

/** What a model may do to one auxiliary exercise (SPEC §5.3). */
public enum AuxAction implements WireEnum {
  SKIP, REDUCE, NORMAL
}

package dev.parakeet.jit.engine.calc;

import dev.parakeet.jit.engine.model.WireEnum;

/** Where a muscle's weekly volume sits against its landmarks (SPEC §2.5). */
public enum LandmarkStatus implements WireEnum {
  BELOW_MEV, IN_RANGE, APPROACHING_MRV, AT_MRV, EXCEEDED_MRV
}

package dev.parakeet.jit.engine.model.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * The Cube-Method prescription table (SPEC §2.2). The same type carries a lifter's partial
 * override (absent fields are null) and the complete configuration after {@link #mergedOver}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormulaConfig(
    @Valid BlockConfig block1,
    @Valid BlockConfig block2,
    @Valid BlockConfig block3,
    @Valid DeloadScheme deload,
    @JsonProperty("progressive_overload") @Valid ProgressiveOverload progressiveOverload,
    @JsonProperty("training_max_increase") @Valid TrainingMaxIncrease trainingMaxIncrease,
    @JsonProperty("rounding_increment_kg") @DecimalMin("0.5") @DecimalMax("10")
        Double roundingIncrementKg) {

  /** The Cube-Method defaults of SPEC §2.2. */
  public static final FormulaConfig DEFAULTS =
      new FormulaConfig(
          new BlockConfig(
              FixedScheme.of(0.80, 2, 5, 8.5),
              FixedScheme.of(0.65, 3, 8, 7.0),
              new RangeScheme(0.70, 2, 3, 8, 12, 8.0)),
          new BlockConfig(
              FixedScheme.of(0.85, 2, 3, 9.0),
              FixedScheme.of(0.70, 2, 6, 7.5),
              new RangeScheme(0.80, 2, 3, 4, 8, 8.0)),
          new BlockConfig(
              new FixedScheme(0.90, 4, 1, 2, 9.5),
              FixedScheme.of(0.75, 2, 2, 8.0),
              new RangeScheme(0.85, 2, 3, 3, 5, 8.5)),
          new DeloadScheme(0.40, 3, 5, 5.0),
          new ProgressiveOverload(0.05),
          new TrainingMaxIncrease(2.5, 5.0, 5.0, 10.0, 5.0, 10.0),
          2.5);

  /** This override deep-merged over {@code base}: a present value replaces the base's. */
  public FormulaConfig mergedOver(FormulaConfig base) {
    return new FormulaConfig(
        Merge.nested(block1, base.block1, BlockConfig::mergedOver),
        Merge.nested(block2, base.block2, BlockConfig::mergedOver),
        Merge.nested(block3, base.block3, BlockConfig::mergedOver),
        Merge.nested(deload, base.deload, DeloadScheme::mergedOver),
        Merge.nested(progressiveOverload, base.progressiveOverload, ProgressiveOverload::mergedOver),
        Merge.nested(trainingMaxIncrease, base.trainingMaxIncrease, TrainingMaxIncrease::mergedOver),
        Merge.value(roundingIncrementKg, base.roundingIncrementKg));
  }

  /** Resolves a possibly absent override against the defaults. */
  public static FormulaConfig resolve(FormulaConfig override) {
    return override == null ? DEFAULTS : override.mergedOver(DEFAULTS);
  }

  /** The block row for {@code blockNumber} (1..3). */
  public BlockConfig block(int blockNumber) {
    return switch (blockNumber) {
      case 1 -> block1;
      case 2 -> block2;
      case 3 -> block3;
      default -> throw new IllegalArgumentException("block must be 1..3, was " + blockNumber);
    };
  }
}

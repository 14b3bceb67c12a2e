package dev.parakeet.jit.engine.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An inclusive rep range, written {@code [min, max]} on the wire. */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"min", "max"})
public record RepsRange(int min, int max) {}

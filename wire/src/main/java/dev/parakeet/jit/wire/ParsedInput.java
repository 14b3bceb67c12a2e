package dev.parakeet.jit.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.model.JitInput;
import java.util.List;

/**
 * An accepted input: the bound record, the document exactly as received (the input snapshot that
 * is stored and can be replayed), and the top-level fields this version did not recognise.
 */
public record ParsedInput(JitInput input, ObjectNode document, List<String> unrecognisedFields) {

  /** The input snapshot as compact JSON. */
  public String snapshotJson() {
    return document.toString();
  }
}

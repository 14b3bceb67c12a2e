package dev.parakeet.jit.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.validation.Violation;
import dev.parakeet.jit.wire.DocumentRejectedException;
import dev.parakeet.jit.wire.JitJson;

/** How a rejected input is told: every violation by path, for people and for programs. */
public final class Rejections {

  private Rejections() {}

  static void print(String source, DocumentRejectedException rejection, Console console) {
    int count = rejection.violations().size();
    console.message(source + " rejected (" + count + (count == 1 ? " violation" : " violations")
        + "); nothing was generated or stored:");
    for (Violation violation : rejection.violations()) {
      // Paths and messages quote the document: escaped like everything else for the terminal.
      console.err().println(TerminalText.escape("  " + violation));
    }
  }

  /** The error object {@code replay} writes in place of an output. */
  public static ObjectNode errorObject(int line, DocumentRejectedException rejection) {
    ObjectNode error = JitJson.mapper().createObjectNode();
    error.put("line", line);
    error.put("error", "input rejected");
    ArrayNode violations = error.putArray("violations");
    for (Violation violation : rejection.violations()) {
      violations.addObject().put("path", violation.path()).put("message", violation.message());
    }
    return error;
  }
}

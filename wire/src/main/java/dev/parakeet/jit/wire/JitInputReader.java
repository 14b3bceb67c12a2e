package dev.parakeet.jit.wire;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.validation.InputRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates a {@link JitInput} (SPEC §1.2, §1.4). An invalid document is rejected as a
 * whole with every violation by path; a valid one comes back with its snapshot and the names of
 * the fields that were kept but not recognised (in document order). Thread-safe; build one and share it.
 */
public final class JitInputReader {

  /** What a rejection calls the document. */
  public static final String WHAT = "JitInput";

  private final StrictBinder binder = StrictBinder.SHARED;

  /** @throws DocumentRejectedException listing every violation */
  public ParsedInput read(byte[] json) {
    StrictBinder.Bound<JitInput> bound = binder.bind(json, JitInput.class, WHAT, InputRules::check);
    return accepted(bound);
  }

  public ParsedInput read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads at most 1 MiB (and one byte more, to tell an oversized document) from {@code in}. */
  public ParsedInput read(InputStream in) throws IOException {
    return read(in.readNBytes(JitJson.MAX_DOCUMENT_BYTES + 1));
  }

  /** Validates an input built in Java, as if it had arrived as JSON. */
  public ParsedInput validate(JitInput input) {
    StrictBinder.Bound<JitInput> bound =
        binder.bind(JitJson.mapper().valueToTree(input), JitInput.class, WHAT, InputRules::check);
    return accepted(bound);
  }

  private static ParsedInput accepted(StrictBinder.Bound<JitInput> bound) {
    JitInput input = bound.value();
    List<String> unrecognised = new ArrayList<>();
    bound.document().fieldNames().forEachRemaining(name -> {
      if (input.extras().containsKey(name)) {
        unrecognised.add(name);
      }
    });
    return new ParsedInput(input, bound.document(), List.copyOf(unrecognised));
  }
}

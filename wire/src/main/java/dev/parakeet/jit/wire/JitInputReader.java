package dev.parakeet.jit.wire;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.validation.InputRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads and validates a {@link JitInput} (SPEC §1.2, §1.4). An invalid document is rejected as a
 * whole with every violation by path; a valid one comes back with its snapshot and the names of
 * the fields that were kept but not recognised (in document order). Thread-safe; build one and share it.
 *
 * <p>Two paths, one verdict: the {@link StreamingBinder} reads a valid document in one pass; any
 * document it does not accept on its own goes to the thorough {@link StrictBinder}, which accepts it
 * or names every violation. Callers that hold the document as bytes (a line of a batch, an HTTP
 * body) should pass the bytes: no copy and no string is made of them.
 */
public final class JitInputReader {

  /** What a rejection calls the document. */
  public static final String WHAT = "JitInput";

  static final StreamingBinder<JitInput> STREAMING =
      new StreamingBinder<>(JitInput.class, InputRules::check);

  private final StrictBinder binder = StrictBinder.SHARED;

  /** @throws DocumentRejectedException listing every violation */
  public ParsedInput read(byte[] json) {
    return read(json, 0, json.length);
  }

  /**
   * Reads the document in {@code json[offset, offset + length)}, without copying it. The result's
   * snapshot is rendered from these bytes when asked for: do not reuse the buffer before then.
   *
   * @throws DocumentRejectedException listing every violation
   */
  public ParsedInput read(byte[] json, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, json.length);
    if (length <= JitJson.MAX_DOCUMENT_BYTES) {
      StreamingBinder.Streamed<JitInput> streamed = STREAMING.bind(json, offset, length);
      if (streamed != null) {
        return ParsedInput.fromBytes(streamed.value(), streamed.kept(), json, offset, length);
      }
    }
    StrictBinder.Bound<JitInput> bound =
        binder.bind(json, offset, length, JitInput.class, WHAT, InputRules::check);
    return ParsedInput.fromTree(bound.value(), bound.document());
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
    return ParsedInput.fromTree(bound.value(), bound.document());
  }
}

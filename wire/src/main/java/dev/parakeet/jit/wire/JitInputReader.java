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
    if (length > JitJson.MAX_DOCUMENT_BYTES) {
      // The limit is the document's: a line terminator or blanks after it do not count.
      length = withoutTrailingBlanks(json, offset, length);
    }
    if (length <= JitJson.MAX_DOCUMENT_BYTES) {
      StreamingBinder.Streamed<JitInput> streamed = STREAMING.bind(json, offset, length);
      if (streamed != null) {
        return ParsedInput.fromBytes(streamed.value(), streamed.kept(), json, offset, length);
      }
    }
    // Only here is the thorough binder (and the mapper and validator behind it) set up.
    StrictBinder.Bound<JitInput> bound =
        StrictBinder.SHARED.bind(json, offset, length, JitInput.class, WHAT, InputRules::check);
    return ParsedInput.fromTree(bound.value(), bound.document());
  }

  public ParsedInput read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a document of at most 1 MiB from {@code in}, followed by nothing but blanks (a file's
   * final line terminator). Never holds more than 1 MiB and a few bytes: an oversized document is
   * told by the first byte past the limit that is not a blank.
   */
  public ParsedInput read(InputStream in) throws IOException {
    byte[] head = in.readNBytes(JitJson.MAX_DOCUMENT_BYTES + 1);
    if (head.length > JitJson.MAX_DOCUMENT_BYTES && !onlyBlanksRemain(in)) {
      throw DocumentRejectedException.oversized(WHAT, head.length); // at least this much; the rest is left unread
    }
    return read(head);
  }

  /** Whether the rest of {@code in} is a few blanks (at most 64 KiB), read in pieces and never kept. */
  private static boolean onlyBlanksRemain(InputStream in) throws IOException {
    byte[] piece = new byte[8192];
    int budget = 8;
    for (int n; (n = in.read(piece)) > 0; ) {
      if (withoutTrailingBlanks(piece, 0, n) != 0 || --budget == 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code length} less the JSON whitespace (space, tab, CR, LF) at the end of the range. */
  private static int withoutTrailingBlanks(byte[] json, int offset, int length) {
    int end = offset + length;
    while (end > offset && (json[end - 1] == ' ' || json[end - 1] == '\t' || json[end - 1] == '\r' || json[end - 1] == '\n')) {
      end--;
    }
    return end - offset;
  }

  /** Validates an input built in Java, as if it had arrived as JSON. */
  public ParsedInput validate(JitInput input) {
    StrictBinder.Bound<JitInput> bound =
        StrictBinder.SHARED.bind(JitJson.mapper().valueToTree(input), JitInput.class, WHAT, InputRules::check);
    return ParsedInput.fromTree(bound.value(), bound.document());
  }
}

package dev.parakeet.jit.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.parakeet.jit.engine.validation.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The fast path of strict reading: one pass over the document's tokens that binds and validates a
 * valid document directly, with no tree, no copy and no reflection per document (the readers are
 * built once from the record's annotations by {@link ReaderCompiler}). It decides nothing against a
 * document: on anything it does not accept on its own (a wrong type, a value out of bounds, a
 * duplicate key, a lone surrogate, a failed cross-field rule, malformed JSON...) it returns null,
 * and the thorough {@link StrictBinder} reads the document again and names every violation. So a
 * document it accepts is one the thorough path accepts with the same value, and the wording of a
 * rejection has one source. Thread-safe.
 */
final class StreamingBinder<T> {

  private final Class<T> type;
  private final RecordShape document;
  private final Function<T, List<Violation>> crossFieldRules;
  private final JsonFactory factory;
  private final List<String> unsupported;
  private final LongAdder unexpected = new LongAdder();

  StreamingBinder(Class<T> type, Function<T, List<Violation>> crossFieldRules) {
    this.type = type;
    this.crossFieldRules = crossFieldRules;
    ReaderCompiler compiler = new ReaderCompiler();
    this.document = compiler.document(type);
    this.unsupported = compiler.unsupported();
    // The wire format's parser settings (nesting and size limits, no NaN), without the parser's own
    // duplicate-key sets: the readers detect duplicates themselves, with a bit per known field.
    this.factory = JitJson.parserFactory(false);
  }

  /** A value read on the fast path, and the top-level fields it kept without knowing them (in document order). */
  record Streamed<T>(T value, List<String> kept) {}

  /** The bound and validated value of {@code json[offset, offset + length)}, or null for the thorough path. */
  Streamed<T> bind(byte[] json, int offset, int length) {
    if (document == null) {
      return null;
    }
    try (JsonParser parser = factory.createParser(json, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      List<String> kept = new ArrayList<>(0);
      T value = type.cast(document.readFields(parser, null, kept));
      if (parser.nextToken() != null) {
        return null; // trailing content
      }
      return crossFieldRules.apply(value).isEmpty() ? new Streamed<>(value, List.copyOf(kept)) : null;
    } catch (Detour | JsonProcessingException e) {
      // A detour, malformed JSON, a limit: the thorough path reads the document again and says
      // what is wrong.
      return null;
    } catch (IOException | RuntimeException e) {
      // Not expected (a record refusing a value, or a fault here): still never a wrong verdict, as
      // the thorough path decides; counted so that tests see it.
      unexpected.increment();
      return null;
    }
  }

  /** How many documents took the thorough path because of an unexpected failure here. */
  long unexpectedFailures() {
    return unexpected.sum();
  }

  /** What this binder leaves to the thorough path in every document that has it; empty when nothing. */
  List<String> unsupported() {
    return unsupported;
  }
}

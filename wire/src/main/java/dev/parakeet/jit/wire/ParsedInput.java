package dev.parakeet.jit.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.model.JitInput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An accepted input: the bound record, the document exactly as received (the input snapshot that
 * is stored and can be replayed, unknown fields included), and the top-level fields this version
 * did not recognise, in document order.
 *
 * <p>The snapshot is rendered when first asked for, from the bytes the document was read from
 * (a caller that only generates never pays for it). Those bytes are not copied: a caller that hands
 * {@link JitInputReader} a buffer must not change it while it still needs the snapshot.
 */
public final class ParsedInput {

  private final JitInput input;
  private final List<String> unrecognisedFields;
  private final byte[] source;
  private final int offset;
  private final int length;
  private final ObjectNode tree;
  private volatile String snapshot;

  private ParsedInput(
      JitInput input, List<String> unrecognisedFields, byte[] source, int offset, int length, ObjectNode tree) {
    this.input = input;
    this.unrecognisedFields = unrecognisedFields;
    this.source = source;
    this.offset = offset;
    this.length = length;
    this.tree = tree;
  }

  /** An input read from {@code source[offset, offset + length)}, with its unrecognised fields in document order. */
  static ParsedInput fromBytes(
      JitInput input, List<String> unrecognisedFields, byte[] source, int offset, int length) {
    return new ParsedInput(input, unrecognisedFields, source, offset, length, null);
  }

  /** An input bound from {@code document}, which nobody changes afterwards. */
  static ParsedInput fromTree(JitInput input, ObjectNode document) {
    List<String> unrecognised = new ArrayList<>();
    document.fieldNames().forEachRemaining(name -> {
      if (input.extras().containsKey(name)) {
        unrecognised.add(name);
      }
    });
    return new ParsedInput(input, List.copyOf(unrecognised), null, 0, 0, document);
  }

  public JitInput input() {
    return input;
  }

  /** The top-level fields that were kept but not recognised (in document order): worth a note to the caller. */
  public List<String> unrecognisedFields() {
    return unrecognisedFields;
  }

  /** The input snapshot as compact JSON: every field as received, in the order received. */
  public String snapshotJson() {
    String json = snapshot;
    if (json == null) {
      json = tree != null ? tree.toString() : compactCopy();
      snapshot = json;
    }
    return json;
  }

  /**
   * The document written back compactly without building its tree: the bytes as they are when
   * they are already in that form ({@link CompactJson}), else copied token by token — what the tree
   * would write (the mapper's parser and generator settings, its field order, escapes and numbers; an accepted document has
   * no duplicate names and no non-finite numbers), at a fraction of the cost. A replay that stores
   * makes one per line.
   */
  private String compactCopy() {
    if (CompactJson.isCanonical(source, offset, length)) {
      // Already what the copy would write (a batch's lines usually are): the bytes themselves.
      return new String(source, offset, length, StandardCharsets.US_ASCII);
    }
    JsonFactory factory = Copying.FACTORY;
    // A character generator, as the tree's own toString uses: the UTF-8 one would write a
    // character outside the BMP (an emoji) as two escapes.
    StringWriter text = new StringWriter(length);
    try (JsonParser parser = factory.createParser(source, offset, length);
        JsonGenerator generator = factory.createGenerator(text)) {
      parser.nextToken();
      generator.copyCurrentStructure(parser);
    } catch (IOException e) {
      throw new UncheckedIOException("an accepted document is no longer readable: was its buffer reused?", e);
    }
    return text.toString();
  }

  /**
   * The wire format's parser and generator settings without the mapper (built on first use: a
   * storing command-line run would otherwise build it for this copy alone); a tree writes with
   * the same generator settings (ParserSettingsTest).
   */
  private static final class Copying {
    static final JsonFactory FACTORY = JitJson.parserFactory(true);
  }

  /** The document as a JSON tree (a fresh copy: changing it changes nothing here). */
  public ObjectNode document() {
    return tree == null ? tree() : tree.deepCopy();
  }

  private ObjectNode tree() {
    if (tree != null) {
      return tree;
    }
    try {
      return (ObjectNode) JitJson.mapper().readTree(source, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("an accepted document is no longer readable: was its buffer reused?", e);
    }
  }
}

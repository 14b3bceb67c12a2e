package dev.parakeet.jit.bench;

import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.wire.JitInputReader;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The documents of the benchmark input file, taken in turn: each call of {@link #next} gives the
 * file's next document, so a measurement covers the file's whole mix. {@code -p inputs=PATH} names
 * the file (default {@value InputFile#DEFAULT}, relative to the repository root; the file is not in
 * the repository); {@code -p documents=N} reads only its first N documents.
 */
@State(Scope.Thread)
public class Documents {

  @Param(InputFile.DEFAULT)
  public String inputs;

  @Param("50000")
  public int documents;

  byte[][] json;
  private int cursor;

  @Setup(Level.Trial)
  public void load() {
    json = InputFile.documents(inputs, documents);
  }

  byte[] next() {
    byte[] document = json[cursor];
    cursor = cursor + 1 == json.length ? 0 : cursor + 1;
    return document;
  }

  /** The formula's outputs for the same documents, in the same order: made once, outside any measurement. */
  @State(Scope.Thread)
  public static class Outputs {
    JitOutput[] outputs;
    private int cursor;

    @Setup(Level.Trial)
    public void generate(Documents documents) {
      JitGeneratorStrategy formula = Scenario.formula();
      JitInputReader reader = new JitInputReader();
      outputs = new JitOutput[documents.json.length];
      for (int i = 0; i < outputs.length; i++) {
        outputs[i] = formula.generate(reader.read(documents.json[i]).input());
      }
    }

    JitOutput next() {
      JitOutput output = outputs[cursor];
      cursor = cursor + 1 == outputs.length ? 0 : cursor + 1;
      return output;
    }
  }
}

package dev.parakeet.jit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.wire.JitInputReader;
import dev.parakeet.jit.wire.JitJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON request benchmarks and their floor read the input file as {@code replay} would, and each
 * measures what it says: the request gives the formula's output for the file's next document, the
 * floor reads and writes the same documents and outputs. Runs no benchmark; the file is a small
 * one made here from the scenarios.
 */
class JsonRequestBenchmarkTest {

  @TempDir Path folder;

  private Documents documents(int copies) throws IOException {
    Path file = folder.resolve("inputs.ndjson.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (int copy = 0; copy < copies; copy++) {
        for (Scenario scenario : Scenario.values()) {
          out.write(JitJson.write(scenario.input()).getBytes(StandardCharsets.UTF_8));
          out.write(copy % 2 == 0 ? "\n".getBytes(StandardCharsets.UTF_8) : "\r\n\n".getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    Documents documents = new Documents();
    documents.inputs = file.toString();
    documents.documents = 50_000;
    documents.load();
    return documents;
  }

  @Test
  void theFileIsReadAsOneDocumentPerLine() throws IOException {
    Documents documents = documents(3);
    assertThat(documents.json.length).isEqualTo(3 * Scenario.values().length);
    assertThat(new String(documents.json[Scenario.values().length], StandardCharsets.UTF_8))
        .isEqualTo(JitJson.write(Scenario.values()[0].input()));
  }

  @Test
  void aRequestGivesTheFormulasOutputForTheNextDocument() throws IOException {
    Documents documents = documents(2);
    JsonRequestBenchmark benchmark = new JsonRequestBenchmark();
    JitInputReader reader = new JitInputReader();
    for (int i = 0; i < documents.json.length * 2; i++) {
      byte[] document = documents.json[i % documents.json.length];
      JitInput input = reader.read(document).input();
      assertThat(benchmark.request(documents)).isEqualTo(JitJson.write(Scenario.formula().generate(input)));
    }
  }

  @Test
  void theFloorReadsTheSameDocumentsAndWritesTheSameOutputs() throws IOException {
    Documents forTree = documents(1);
    Documents forTokens = documents(1);
    Documents forRead = documents(1);
    Documents.Outputs forFloor = new Documents.Outputs();
    forFloor.generate(forTree);
    Documents.Outputs forRequest = new Documents.Outputs();
    forRequest.generate(forTree);
    JsonFloorBenchmark floor = new JsonFloorBenchmark();
    JsonRequestBenchmark request = new JsonRequestBenchmark();
    JitInputReader reader = new JitInputReader();
    for (int i = 0; i < forTree.json.length; i++) {
      byte[] document = forTree.json[i];
      JitOutput output = Scenario.formula().generate(reader.read(document).input());
      assertThat(floor.tree(forTree)).isEqualTo(JitJson.mapper().readTree(document));
      assertThat(floor.tokens(forTokens)).isPositive();
      assertThat(request.read(forRead).input()).isEqualTo(reader.read(document).input());
      assertThat(floor.write(forFloor)).isEqualTo(JitJson.write(output));
      assertThat(request.write(forRequest)).isEqualTo(JitJson.write(output));
    }
  }
}

package dev.parakeet.jit.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A calibration of this machine, not of the engine: what plain Jackson, with none of the wire
 * format's rules, costs on the same documents and outputs as {@link JsonRequestBenchmark}. A
 * request can hardly be cheaper than reading its document once and writing its output once, so
 * these figures say how far a request's figure is from the floor on the machine it was measured on.
 *
 * <ul>
 *   <li>{@link #tokens}: every token of the document from a {@link JsonParser}, numbers and strings
 *       decoded, no tree (the least any strict reader must do).
 *   <li>{@link #tree}: the document as a Jackson tree ({@code readTree}).
 *   <li>{@link #write}: the formula's output for the document, written by a plain {@link
 *       ObjectMapper} (ISO instants, as the wire format writes them).
 *   <li>{@link #tokensAndWrite}: both: the floor of a request with no validation and no formula.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class JsonFloorBenchmark {

  private final ObjectMapper plain =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();
  private final JsonFactory factory = plain.getFactory();

  @Benchmark
  public long tokens(Documents documents) throws IOException {
    return readTokens(documents.next());
  }

  @Benchmark
  public JsonNode tree(Documents documents) throws IOException {
    return plain.readTree(documents.next());
  }

  @Benchmark
  public String write(Documents.Outputs outputs) throws JsonProcessingException {
    return plain.writeValueAsString(outputs.next());
  }

  @Benchmark
  public String tokensAndWrite(Documents documents, Documents.Outputs outputs) throws IOException {
    long tokens = readTokens(documents.next());
    String written = plain.writeValueAsString(outputs.next());
    return tokens < 0 ? null : written;
  }

  private long readTokens(byte[] document) throws IOException {
    long sum = 0;
    try (JsonParser parser = factory.createParser(document)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        switch (token) {
          case FIELD_NAME -> sum += parser.currentName().length();
          case VALUE_STRING -> sum += parser.getText().length();
          case VALUE_NUMBER_INT -> sum += parser.getIntValue();
          case VALUE_NUMBER_FLOAT -> sum += (long) parser.getDoubleValue();
          default -> sum++;
        }
      }
    }
    return sum;
  }
}

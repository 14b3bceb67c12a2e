package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.wire.DocumentRejectedException;
import dev.parakeet.jit.wire.JitInputReader;
import dev.parakeet.jit.wire.JitJson;
import dev.parakeet.jit.wire.ParsedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parakeet replay FILE|-}: newline-delimited JitInputs in, one JitOutput JSON per line out,
 * in order. An invalid line gives an error object with its line number and the batch goes on;
 * this is how stored input snapshots are re-run under any strategy.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-runs JitInputs, one JSON document per line, under a strategy.",
      "Writes one JitOutput per line, in input order; a rejected line gives"
          + " {\"line\": N, \"error\": \"input rejected\", \"violations\": [...]} and the batch goes on.",
      "Exit status 2 when any line was rejected."
    })
final class ReplayCommand implements Callable<Integer> {

  @ParentCommand ParakeetCommand parent;

  @Parameters(paramLabel = "FILE", description = "Newline-delimited JitInputs, or - for standard input.")
  String file;

  @Mixin StrategyOptions strategy;

  @Option(names = "--no-store", description = "Do not record the sessions.")
  boolean noStore;

  @Override
  public Integer call() {
    Console console = parent.console;
    PrintStream out = console.out();
    int generated = 0;
    int rejected = 0;
    Runtime created = parent.runtime(strategy);
    if (created == null) {
      return ExitCode.REJECTED;
    }
    try (Runtime runtime = created;
        InputStream in = InputSource.open(file, console.in())) {
      JitGeneratorStrategy generator = runtime.registry().get(strategy.strategy);
      BoundedLines lines = new BoundedLines(in, JitJson.MAX_DOCUMENT_BYTES);
      BoundedLines.Line line;
      while ((line = lines.next()) != null) {
        if (!line.oversized() && new String(line.bytes(), StandardCharsets.UTF_8).isBlank()) {
          continue;
        }
        try {
          if (line.oversized()) {
            throw DocumentRejectedException.oversized(JitInputReader.WHAT, line.length());
          }
          ParsedInput parsed = runtime.reader().read(line.bytes());
          JitOutput output = generator.generate(parsed.input());
          out.println(JitJson.write(output));
          generated++;
        } catch (DocumentRejectedException e) {
          out.println(JitJson.write(Rejections.errorObject(line.number(), e)));
          rejected++;
        }
        out.flush();
      }
    } catch (IOException e) {
      console.err().println("parakeet: cannot read " + InputSource.describe(file) + ": " + e.getMessage());
      return ExitCode.FAILURE;
    }
    console.err().println("parakeet: replayed " + (generated + rejected) + " inputs: " + generated
        + " generated, " + rejected + " rejected");
    return rejected > 0 ? ExitCode.REJECTED : ExitCode.OK;
  }
}

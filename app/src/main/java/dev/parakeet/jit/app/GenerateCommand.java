package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.wire.DocumentRejectedException;
import dev.parakeet.jit.wire.JitJson;
import dev.parakeet.jit.wire.ParsedInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code parakeet generate FILE|-}: validate, generate, print. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generates today's session from a JitInput JSON document.")
final class GenerateCommand implements Callable<Integer> {

  @ParentCommand ParakeetCommand parent;

  @Parameters(paramLabel = "FILE", description = "The JitInput JSON file, or - for standard input.")
  String file;

  @Mixin StrategyOptions strategy;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      description = "text: a session card (default); json: exactly the JitOutput.")
  OutputFormat format;

  @Option(names = "--no-store", description = "Do not record the session.")
  boolean noStore;

  @Override
  public Integer call() {
    Console console = parent.console;
    Runtime created = parent.runtime(strategy);
    if (created == null) {
      return ExitCode.REJECTED;
    }
    try (Runtime runtime = created) {
      ParsedInput parsed;
      try (InputStream in = InputSource.open(file, console.in())) {
        parsed = runtime.reader().read(in);
      } catch (IOException e) {
        console.err().println("parakeet: cannot read " + InputSource.describe(file) + ": " + e.getMessage());
        return ExitCode.FAILURE;
      } catch (DocumentRejectedException e) {
        Rejections.print(InputSource.describe(file), e, console.err());
        return ExitCode.REJECTED;
      }
      if (!parsed.unrecognisedFields().isEmpty()) {
        console.err().println("parakeet: note: unrecognised fields kept (shown to the model, ignored by the formula): "
            + String.join(", ", parsed.unrecognisedFields()));
      }
      JitOutput output = runtime.registry().get(strategy.strategy).generate(parsed.input());
      if (format == OutputFormat.JSON) {
        console.out().println(JitJson.writePretty(output));
        if (output.jitStrategy() == JitStrategy.FORMULA_FALLBACK) {
          console.err().println("parakeet: note: served the formula: " + output.fallbackReason());
        }
      } else {
        console.out().print(SessionCard.render(parsed.input(), output));
      }
      console.out().flush();
      return ExitCode.OK;
    }
  }
}

package dev.parakeet.jit.app;

import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.strategy.Generation;
import dev.parakeet.jit.engine.model.JitStrategy;
import dev.parakeet.jit.store.StoreException;
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

/** {@code parakeet generate FILE|-}: validate, generate, record, print. */
@Command(
    name = GenerateCommand.NAME,
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = "Generates today's session from a JitInput JSON document and records it.")
final class GenerateCommand implements Callable<Integer> {

  static final String NAME = "generate";

  @ParentCommand ParakeetCommand parent;

  @Parameters(paramLabel = "FILE", description = "The JitInput JSON file, or - for standard input.")
  String file;

  @Mixin StrategyOptions strategy;

  @Mixin DatabaseOption db;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      converter = OptionValues.Format.class,
      description = "text: a session card (default); json: exactly the JitOutput.")
  OutputFormat format;

  @Option(names = "--no-store", description = "Do not record the session (nothing is written).")
  boolean noStore;

  @Override
  public Integer call() {
    Console console = parent.console;
    if (!noStore) {
      parent.prepareStore(db);
    }
    ParsedInput parsed;
    // The input is read first: a rejected document opens nothing and writes nothing.
    try (InputStream in = InputSource.open(file, console.in())) {
      parsed = parent.reader().read(in);
    } catch (IOException e) {
      throw InputSource.unreadable(file, e);
    } catch (DocumentRejectedException e) {
      Rejections.print(InputSource.describe(file), e, console);
      return ExitCode.REJECTED;
    }
    if (!parsed.unrecognisedFields().isEmpty()) {
      console.message("note: unrecognised fields kept (shown to the model, ignored by the formula): "
          + String.join(", ", parsed.unrecognisedFields()));
    }
    // One generation, one write: one connection, no pool.
    try (Runtime runtime = parent.runtime(strategy, db, noStore ? null : SessionStore.Use.RECORD_ONE)) {
      Generation generation = runtime.registry().get(strategy.strategy).generation(parsed.input());
      JitOutput output = generation.output();
      String notStored = null;
      try {
        runtime.record(parsed, generation);
      } catch (StoreException e) {
        notStored = e.getMessage();
      }
      print(console, parsed, output);
      if (notStored != null) {
        // The lifter still gets the session; the exit status tells a script it was not kept.
        throw CommandFailure.failed("the session was generated but not stored: " + notStored, null);
      }
      return ExitCode.OK;
    }
  }

  private void print(Console console, ParsedInput parsed, JitOutput output) {
    if (format == OutputFormat.JSON) {
      console.out().println(JitJson.writePretty(output));
      if (output.jitStrategy() == JitStrategy.FORMULA_FALLBACK) {
        // The JSON carries the machine-readable reason; the person at the terminal gets the sentence.
        console.message("note: " + FallbackExplanation.of(output.fallbackReason()).sentence());
      }
    } else {
      console.out().print(SessionCard.render(parsed.input(), output));
    }
    console.out().flush();
  }
}

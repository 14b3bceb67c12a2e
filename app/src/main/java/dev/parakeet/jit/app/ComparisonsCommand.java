package dev.parakeet.jit.app;

import dev.parakeet.jit.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code parakeet comparisons purge}: hybrid comparison logs are development data, kept 90 days. */
@Command(
    name = "comparisons",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = "Manages the hybrid strategy's comparison logs.",
    subcommands = {ComparisonsCommand.Purge.class})
final class ComparisonsCommand implements Runnable {

  @ParentCommand ParakeetCommand parent;

  @Override
  public void run() {
    throw CommandFailure.usage("comparisons needs a subcommand: purge");
  }

  @Command(
      name = "purge",
      mixinStandardHelpOptions = true,
      addMethodSubcommands = false,
      description = "Deletes comparison logs older than a number of days and says how many.")
  static final class Purge implements Callable<Integer> {

    @ParentCommand ComparisonsCommand comparisons;

    @Mixin DatabaseOption db;

    @Option(
        names = "--older-than-days",
        paramLabel = "N",
        defaultValue = "90",
        converter = Bounds.OlderThanDays.class,
        description = "Delete logs created more than N days ago, 0 to 36500 (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() {
      ParakeetCommand root = comparisons.parent;
      Instant cutoff = root.clock.instant().minus(Duration.ofDays(days));
      try (Database database = root.database(db, SessionStore.Use.CHANGE)) {
        int purged = database.comparisons().purgeOlderThan(cutoff);
        long kept = database.comparisons().count();
        root.console.out().println(TerminalText.escape(
            "Purged " + purged + (purged == 1 ? " comparison log" : " comparison logs") + " older than "
                + days + (days == 1 ? " day" : " days") + " (created before " + UtcTime.seconds(cutoff)
                + ") from " + database.describe() + "; " + kept + " kept."));
      }
      return ExitCode.OK;
    }
  }
}

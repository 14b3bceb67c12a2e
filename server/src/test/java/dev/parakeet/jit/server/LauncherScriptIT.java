package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./parakeet} script itself, run by {@code sh} in a copy of the repository's layout (the
 * script, the built jar, the examples; no sources, so it never rebuilds): the class-data archive is
 * made once per java and used afterwards, a java that cannot make one is remembered and still runs
 * the command, and another java on the PATH gets an archive of its own.
 */
class LauncherScriptIT {

  private static final Path SCRIPT = Path.of("..", "parakeet");
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final String PREPARING = "preparing faster start-up";

  @TempDir Path root;

  record Run(int exit, String out, String err) {}

  @Test
  void makesTheArchiveOnceForEachJavaAndRemembersOneThatCannotMakeIt() throws Exception {
    layOut();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
    Path options = root.resolve("server/target/parakeet-cds.options");
    Path failed = root.resolve("server/target/parakeet-cds.failed");

    Run first = run(java.getParent());
    assertThat(first.exit()).isZero();
    assertThat(first.out()).startsWith("parakeet ");
    assertThat(first.err()).contains(PREPARING);
    List<String> made = Files.readAllLines(options);
    assertThat(made).hasSize(2);
    assertThat(Path.of(made.get(0)).toRealPath()).isEqualTo(java);
    assertThat(made.get(1)).containsAnyOf("-XX:SharedArchiveFile=", "-XX:AOTCache=");

    Run second = run(java.getParent());
    assertThat(second.exit()).isZero();
    assertThat(second.err()).as("the archive is made once").doesNotContain(PREPARING);

    // A java that runs commands but cannot make an archive: the command still runs, the failure is
    // remembered for that java (not tried again), and the archive of the other java is dropped.
    Path refusing = refusingJava(java);
    Run withoutArchive = run(refusing.getParent());
    assertThat(withoutArchive.exit()).isZero();
    assertThat(withoutArchive.out()).startsWith("parakeet ");
    assertThat(withoutArchive.err()).contains(PREPARING);
    assertThat(options).doesNotExist();
    assertThat(Files.readAllLines(failed)).containsExactly(refusing.toRealPath().toString());
    Run again = run(refusing.getParent());
    assertThat(again.exit()).isZero();
    assertThat(again.err()).as("a failed training is not repeated").doesNotContain(PREPARING);

    // Back to the real java: its archive is made again.
    Run back = run(java.getParent());
    assertThat(back.exit()).isZero();
    assertThat(back.err()).contains(PREPARING);
    assertThat(Path.of(Files.readAllLines(options).get(0)).toRealPath()).isEqualTo(java);
  }

  /** The script, the built jar and the examples, as a checkout has them. */
  private void layOut() throws IOException {
    Files.copy(SCRIPT, root.resolve("parakeet"));
    Path target = Files.createDirectories(root.resolve("server/target"));
    Files.copy(Path.of(System.getProperty("parakeet.jar")), target.resolve("parakeet.jar"));
    Path examples = Files.createDirectories(root.resolve("examples"));
    try (var files = Files.list(EXAMPLES)) {
      for (Path example : (Iterable<Path>) files::iterator) {
        Files.copy(example, examples.resolve(example.getFileName()));
      }
    }
  }

  /** A {@code java} that runs everything but refuses to write a class-data archive. */
  private Path refusingJava(Path java) throws IOException {
    Path bin = Files.createDirectories(root.resolve("refusing-bin"));
    Path script = bin.resolve("java");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "for a in \"$@\"; do case \"$a\" in -Xshare:dump|-XX:AOTMode=create) exit 1 ;; esac; done\n"
            + "exec '" + java + "' \"$@\"\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  /** {@code sh parakeet --version} with {@code bin} first on the PATH. */
  private Run run(Path bin) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("sh", root.resolve("parakeet").toString(), "--version");
    builder.environment().keySet().removeIf(k -> k.startsWith("PARAKEET_"));
    builder.environment().put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().put("HOME", root.toString());
    Path err = root.resolve("err.txt");
    builder.redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out, Files.readString(err));
  }
}

package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parakeet serve} as a process, from the launcher jar: it prints its address, serves, and
 * on SIGTERM stops in order and exits 0 (SPEC §10.1).
 */
class ServeProcessIT {

  @TempDir Path tempDir;

  @Test
  void servesThenStopsCleanlyOnSigterm() throws Exception {
    String jar = System.getProperty("parakeet.jar");
    Path log = tempDir.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
            "serve", "--port", "0", "--db", "jdbc:sqlite:" + tempDir.resolve("serve.db"));
    builder.environment().keySet().removeIf(k -> k.startsWith("PARAKEET_") || k.endsWith("_API_KEY"));
    builder.environment().put("HOME", tempDir.toString());
    builder.redirectError(log.toFile());
    builder.redirectOutput(tempDir.resolve("stdout.txt").toFile());
    Process process = builder.start();
    try {
      String address = awaitAddress(log, process);
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> health =
          client.send(HttpRequest.newBuilder(URI.create(address + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      HttpResponse<String> generated =
          client.send(
              HttpRequest.newBuilder(URI.create(address + "/v1/sessions/p-1/generate"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(Inputs.of("p-1")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(generated.statusCode()).isEqualTo(200);

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
      String stderr = Files.readString(log);
      assertThat(stderr).contains("WARNING: no credentials configured").contains("parakeet: stopped");
      List<String> accessLines = new ArrayList<>(Files.readAllLines(tempDir.resolve("stdout.txt"), StandardCharsets.UTF_8));
      assertThat(accessLines).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"time\""));
    } finally {
      process.destroyForcibly();
    }
  }

  private static String awaitAddress(Path log, Process process) throws Exception {
    Pattern listening = Pattern.compile("listening on (http://[^ ]+)");
    for (int i = 0; i < 600; i++) {
      if (Files.exists(log)) {
        Matcher m = listening.matcher(Files.readString(log));
        if (m.find()) {
          return m.group(1);
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError("serve exited: " + Files.readString(log));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no address printed: " + Files.readString(log));
  }
}

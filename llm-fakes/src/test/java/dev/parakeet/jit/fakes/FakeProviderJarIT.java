package dev.parakeet.jit.fakes;

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
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs the packaged jar the way the README says and talks to it. */
class FakeProviderJarIT {

  private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+\\S*) ");

  @ParameterizedTest
  @CsvSource({
    "anthropic, /v1/messages, truncated, max_tokens",
    "openai, /chat/completions, refusal, I'm sorry",
    "ollama, /api/chat, valid, Readiness is normal"
  })
  void theJarServesTheChosenProtocolAndMode(
      String protocol, String path, String mode, String expected) throws Exception {
    Path jar = Path.of(System.getProperty("fakes.jar", "target/parakeet-llm-fakes-server.jar"));
    assertThat(jar).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java, "-jar", jar.toString(), "--protocol", protocol, "--port", "0", "--mode", mode)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String banner = out.readLine();
      assertThat(banner).isNotNull().contains("export");
      Matcher m = URL.matcher(banner);
      assertThat(m.find()).as(banner).isTrue();
      String base = m.group(1);

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + path))
                      .timeout(Duration.ofSeconds(10))
                      .header("content-type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(Http.requestBody(Protocol.parse(protocol))))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains(expected);
    } finally {
      process.destroy(); // SIGTERM: the shutdown hook closes the server
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.size(jar)).isPositive();
  }
}

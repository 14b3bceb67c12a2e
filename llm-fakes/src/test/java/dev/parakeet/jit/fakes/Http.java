package dev.parakeet.jit.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Test helpers: the JDK HttpClient against a fake, plus raw-socket access. */
final class Http {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String SECRET = "sk-secret-key-that-must-never-be-echoed";

  private Http() {}

  /** A default JDK client: over http:// it offers an h2c upgrade, like LangChain4j's. */
  static HttpClient client() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The chat endpoint, built from {@code baseUrl()} the way each official SDK does. */
  static URI endpoint(FakeProviderServer server) {
    switch (server.protocol()) {
      case ANTHROPIC:
        return URI.create(server.baseUrl() + "/v1/messages");
      case OPENAI:
        return URI.create(server.baseUrl() + "/chat/completions");
      case OLLAMA:
        return URI.create(server.baseUrl() + "/api/chat");
      default:
        throw new AssertionError();
    }
  }

  /** A realistic request body for the protocol. */
  static String requestBody(Protocol protocol) {
    switch (protocol) {
      case ANTHROPIC:
        return "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":1024,"
            + "\"system\":\"You adjust strength sessions.\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Readiness: normal\"}]}";
      case OPENAI:
        return "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"You"
            + " adjust strength sessions.\"},{\"role\":\"user\",\"content\":\"Readiness: normal\"}],"
            + "\"max_completion_tokens\":1024}";
      case OLLAMA:
        return "{\"model\":\"llama3.1\",\"stream\":false,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Readiness: normal\"}]}";
      default:
        throw new AssertionError();
    }
  }

  /** A POST of the protocol's usual request, with its usual auth headers. */
  static HttpRequest.Builder chatRequest(FakeProviderServer server, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(endpoint(server))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    switch (server.protocol()) {
      case ANTHROPIC:
        b.header("x-api-key", SECRET).header("anthropic-version", "2023-06-01");
        break;
      case OPENAI:
        b.header("Authorization", "Bearer " + SECRET);
        break;
      default:
        break;
    }
    return b;
  }

  static HttpRequest.Builder chatRequest(FakeProviderServer server) {
    return chatRequest(server, requestBody(server.protocol()));
  }

  static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One chat request with a fresh client. */
  static HttpResponse<String> chat(FakeProviderServer server) {
    return send(client(), chatRequest(server).build());
  }

  /** One chat request with a fresh client, sent asynchronously. */
  static CompletableFuture<HttpResponse<String>> chatAsync(FakeProviderServer server) {
    return client().sendAsync(chatRequest(server).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends raw bytes on a new socket and returns everything until the server closes. */
  static String raw(FakeProviderServer server, String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

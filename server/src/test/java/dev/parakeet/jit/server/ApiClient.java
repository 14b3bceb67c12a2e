package dev.parakeet.jit.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.wire.JitJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The JDK HTTP client against a started server, with every answer checked against the OpenAPI
 * document ({@link OpenApiContract}).
 */
final class ApiClient {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String credential;

  ApiClient(String base, String credential) {
    this.base = base;
    this.credential = credential;
  }

  /** The same server, as someone else ({@code null}: no Authorization header). */
  ApiClient as(String otherCredential) {
    return new ApiClient(base, otherCredential);
  }

  Response get(String path) {
    return send("GET", path, null, null);
  }

  Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  Response postJson(String path, String json) {
    return send("POST", path, "application/json", json);
  }

  Response send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (credential != null) {
      request.header("Authorization", "Bearer " + credential);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Response answer = new Response(response);
      OpenApiContract.check(method, path.split("\\?", 2)[0], answer.status(), answer.contentType(), answer.body());
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Response(HttpResponse<String> raw) {
    int status() {
      return raw.statusCode();
    }

    String body() {
      return raw.body();
    }

    String contentType() {
      return raw.headers().firstValue("Content-Type").orElse(null);
    }

    Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    JsonNode json() {
      return JitJson.readTree(raw.body());
    }

    JitOutput output() {
      return JitJson.readOutput(raw.body());
    }

    @Override
    public String toString() {
      return raw.statusCode() + " " + raw.body();
    }
  }
}

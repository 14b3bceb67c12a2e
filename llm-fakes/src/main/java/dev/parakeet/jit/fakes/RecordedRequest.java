package dev.parakeet.jit.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as the fake server received it, recorded before the server acted on it.
 *
 * @param method e.g. {@code POST}
 * @param path the request target as sent (path plus query string, if any)
 * @param headers header names in lower case; repeated headers joined with {@code ", "}
 * @param body the body decoded as UTF-8 (de-chunked if it was sent chunked); empty if none
 * @param json the body parsed as JSON, or {@code null} when the body is not JSON
 * @param receivedAt when the complete request had been read
 */
public record RecordedRequest(
    String method,
    String path,
    Map<String, String> headers,
    String body,
    JsonNode json,
    Instant receivedAt) {

  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Map<String, String> copy = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach((k, v) -> copy.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + ", " + b));
    }
    headers = Collections.unmodifiableMap(copy);
  }

  /** The value of header {@code name} (case-insensitive), or {@code null} if absent. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** {@link #path()} without its query string. */
  public String pathWithoutQuery() {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /** Does not print header values: they may carry API keys. */
  @Override
  public String toString() {
    return "RecordedRequest["
        + method
        + " "
        + path
        + ", headers="
        + headers.keySet()
        + ", body="
        + body.length()
        + " chars, receivedAt="
        + receivedAt
        + "]";
  }
}

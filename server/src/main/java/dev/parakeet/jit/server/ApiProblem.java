package dev.parakeet.jit.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer other than success, rendered as {@code application/problem+json} (RFC 9457) by {@link
 * Problems}: a status, a short type slug, a human-readable detail, and extension members such as
 * {@code violations} or {@code session}. Thrown by handlers; never carries a secret.
 */
final class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final transient Map<String, Object> extensions;
  private final transient Map<String, String> headers;

  ApiProblem(int status, String type, String title, String detail) {
    this(status, type, title, detail, Map.of(), Map.of());
  }

  private ApiProblem(
      int status,
      String type,
      String title,
      String detail,
      Map<String, Object> extensions,
      Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.extensions = Map.copyOf(extensions);
    this.headers = Map.copyOf(headers);
  }

  /** The same problem with one more extension member. */
  ApiProblem with(String member, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(member, value);
    return new ApiProblem(status, type, title, getMessage(), more, headers);
  }

  /** The same problem with one more response header. */
  ApiProblem withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiProblem(status, type, title, getMessage(), extensions, more);
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }

  String title() {
    return title;
  }

  String detail() {
    return getMessage();
  }

  Map<String, Object> extensions() {
    return extensions;
  }

  Map<String, String> headers() {
    return headers;
  }
}

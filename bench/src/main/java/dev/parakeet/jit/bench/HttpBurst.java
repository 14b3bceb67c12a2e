package dev.parakeet.jit.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load client for the HTTP API (not JMH): fires N generation requests at once — N connections,
 * one request each — and reports how they were answered: HTTP status, the session's
 * {@code jit_strategy} and {@code fallbackReason}, and latency percentiles from the moment each
 * request was handed to the client to its last byte.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.parakeet.jit.bench.HttpBurst \
 *     --url http://127.0.0.1:18080 --key KEY --requests 1000 --strategy llm [--warmup 200 --warmup-rounds 3] \
 *     [--inputs ../shared/bench/inputs-50k.ndjson.gz] [--offset 0] [--timeout-s 30] [--clients 1]
 * </pre>
 *
 * <p>Request i posts document {@code offset + i} of the input file (distinct sessions). Warm-up
 * bursts, when asked for, post the documents after those (the same ones each round) first. Every request is
 * bounded by {@code --timeout-s}; a request that times out or fails counts under its error.
 *
 * <p>The transport is {@link NioBurst}: one thread and one selector, plain HTTP/1.1, requests
 * serialised before the first burst, connections the server keeps open reused by the next burst
 * (each burst still has N requests in flight at once). {@code --clients} is accepted for the
 * scripts' sake and ignored: one selector thread is the point (a cheap client leaves the CPU to the
 * server it measures).
 */
public final class HttpBurst {

  private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"");
  private static final JsonFactory JSON = new JsonFactory();

  private HttpBurst() {}

  /** What one request got. */
  record Answer(int status, String strategy, String fallbackReason, String error, long nanos) {}

  /** Where the requests go: {@code http://host[:port][/prefix]}. */
  record Target(String host, int port, String pathPrefix) {

    static Target of(String url) {
      URI uri = URI.create(url);
      if ("https".equalsIgnoreCase(uri.getScheme())) {
        throw new IllegalArgumentException(
            "--url " + url + ": https is not supported, HttpBurst speaks plain HTTP/1.1 (give an http:// URL)");
      }
      if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("--url " + url + ": expected http://host[:port]");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("--url " + url + ": no query or fragment expected");
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return new Target(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), path);
    }

    InetSocketAddress address() {
      return new InetSocketAddress(host, port);
    }

    /** The Host header's value (an IPv6 literal in brackets). */
    String hostHeader() {
      String name = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
      return port == 80 ? name : name + ":" + port;
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    Target target = Target.of(required(options, "url"));
    String key = required(options, "key");
    int requests = Integer.parseInt(required(options, "requests"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "0"));
    int warmupRounds = Integer.parseInt(options.getOrDefault("warmup-rounds", "3"));
    int offset = Integer.parseInt(options.getOrDefault("offset", "0"));
    String strategy = options.getOrDefault("strategy", "llm");
    Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-s", "30")));
    Integer.parseInt(options.getOrDefault("clients", "1")); // accepted and ignored (class comment)
    byte[][] documents =
        InputFile.documents(options.getOrDefault("inputs", InputFile.DEFAULT), offset + requests + warmup);
    if (documents.length < offset + requests + warmup) {
      throw new IllegalArgumentException("the input file has only " + documents.length + " documents");
    }
    byte[][] warmupRequests =
        requests(target, key, strategy, Arrays.copyOfRange(documents, offset + requests, offset + requests + warmup));
    byte[][] measuredRequests = requests(target, key, strategy, Arrays.copyOfRange(documents, offset, offset + requests));
    try (NioBurst client = new NioBurst(target.address())) {
      for (int round = 0; warmup > 0 && round < warmupRounds; round++) {
        long started = System.nanoTime();
        List<Answer> answers = burst(client, warmupRequests, timeout);
        System.out.print("warm-up " + (round + 1) + ": " + summary(answers, System.nanoTime() - started));
        System.out.flush();
        Thread.sleep(1_000);
      }
      long started = System.nanoTime();
      List<Answer> answers = burst(client, measuredRequests, timeout);
      System.out.print(summary(answers, System.nanoTime() - started));
      System.out.flush();
    }
  }

  /** Sends every request at once and waits for every answer. */
  static List<Answer> burst(NioBurst client, byte[][] requests, Duration timeout) throws IOException {
    return client.burst(
        requests,
        timeout.toNanos(),
        new NioBurst.Outcome<>() {
          @Override
          public Answer answered(int status, byte[] body, int bodyLength, long nanos) {
            return answer(status, body, bodyLength, nanos);
          }

          @Override
          public Answer failed(String error, long nanos) {
            return new Answer(0, null, null, error, nanos);
          }
        });
  }

  /** Each document as a whole {@code POST …/generate} request, head and body in one array. */
  static byte[][] requests(Target target, String key, String strategy, byte[][] documents) {
    byte[][] requests = new byte[documents.length][];
    for (int i = 0; i < documents.length; i++) {
      byte[] document = documents[i];
      Matcher id = SESSION_ID.matcher(new String(document, 0, Math.min(document.length, 400), StandardCharsets.UTF_8));
      if (!id.find()) {
        throw new IllegalArgumentException("a document without sessionId");
      }
      byte[] head =
          ("POST " + target.pathPrefix() + "/v1/sessions/" + pathSegment(id.group(1)) + "/generate?strategy=" + pathSegment(strategy)
                  + " HTTP/1.1\r\n"
                  + "Host: " + target.hostHeader() + "\r\n"
                  + "Authorization: Bearer " + key + "\r\n"
                  + "Content-Type: application/json\r\n"
                  + "Content-Length: " + document.length + "\r\n"
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8);
      byte[] request = Arrays.copyOf(head, head.length + document.length);
      System.arraycopy(document, 0, request, head.length, document.length);
      requests[i] = request;
    }
    return requests;
  }

  /** Percent-encodes every byte but RFC 3986's unreserved characters. */
  private static String pathSegment(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }

  /**
   * A whole answer: for a 200, the document's top-level {@code jit_strategy} and {@code
   * fallbackReason} (null or absent: none), read with Jackson's streaming parser (nested objects
   * skipped, no tree built); any other status counts by itself.
   */
  static Answer answer(int status, byte[] body, int bodyLength, long nanos) {
    if (status != 200) {
      return new Answer(status, null, null, null, nanos);
    }
    try (JsonParser json = JSON.createParser(body, 0, bodyLength)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return new Answer(200, null, null, "unreadable body", nanos);
      }
      String strategy = null;
      String reason = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if (value.isScalarValue() && value != JsonToken.VALUE_NULL && "jit_strategy".equals(name)) {
          strategy = json.getText();
        } else if (value.isScalarValue() && value != JsonToken.VALUE_NULL && "fallbackReason".equals(name)) {
          reason = json.getText();
        } else {
          json.skipChildren();
        }
      }
      if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
        return new Answer(200, null, null, "unreadable body", nanos);
      }
      return new Answer(200, strategy, reason, null, nanos);
    } catch (IOException e) {
      return new Answer(200, null, null, "unreadable body", nanos);
    }
  }

  /** Counts by status, strategy, fallback reason and error, and the latency percentiles. */
  static String summary(List<Answer> answers, long wallNanos) {
    Map<String, Integer> counts = new TreeMap<>();
    long[] nanos = new long[answers.size()];
    for (int i = 0; i < answers.size(); i++) {
      Answer a = answers.get(i);
      nanos[i] = a.nanos();
      counts.merge("status=" + a.status(), 1, Integer::sum);
      if (a.strategy() != null) {
        counts.merge("strategy=" + oneLine(a.strategy()), 1, Integer::sum);
      }
      counts.merge("fallbackReason=" + (a.fallbackReason() == null ? "none" : oneLine(a.fallbackReason())), 1, Integer::sum);
      if (a.error() != null) {
        counts.merge("error=" + a.error(), 1, Integer::sum);
      }
    }
    Arrays.sort(nanos);
    StringBuilder out = new StringBuilder();
    out.append(String.format(
        Locale.ROOT,
        "RESULT requests=%d wall_s=%.3f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f",
        answers.size(), wallNanos / 1e9, millis(nanos, 0.50), millis(nanos, 0.90), millis(nanos, 0.99),
        nanos.length == 0 ? 0.0 : nanos[nanos.length - 1] / 1e6));
    counts.forEach((k, v) -> out.append(' ').append(k).append('=').append(v).toString());
    return out.append('\n').toString();
  }

  /** The server's text with control characters as '?': the RESULT line stays one line, no raw escapes. */
  private static String oneLine(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, '?');
      }
    }
    return out == null ? text : out.toString();
  }

  /** The nearest-rank percentile, in milliseconds. */
  private static double millis(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new TreeMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("options are --name value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}

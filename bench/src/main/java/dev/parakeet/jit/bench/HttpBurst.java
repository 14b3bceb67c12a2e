package dev.parakeet.jit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 */
public final class HttpBurst {

  private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpBurst() {}

  /** What one request got. */
  record Answer(int status, String strategy, String fallbackReason, String error, long nanos) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    String url = required(options, "url");
    String key = required(options, "key");
    int requests = Integer.parseInt(required(options, "requests"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "0"));
    int warmupRounds = Integer.parseInt(options.getOrDefault("warmup-rounds", "3"));
    int offset = Integer.parseInt(options.getOrDefault("offset", "0"));
    String strategy = options.getOrDefault("strategy", "llm");
    Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-s", "30")));
    byte[][] documents =
        InputFile.documents(options.getOrDefault("inputs", InputFile.DEFAULT), offset + requests + warmup);
    if (documents.length < offset + requests + warmup) {
      throw new IllegalArgumentException("the input file has only " + documents.length + " documents");
    }
    // One platform thread per in-flight answer would be N threads in the client: a small pool
    // handles the client's callbacks, the connections are the concurrency.
    ExecutorService callbacks = Executors.newFixedThreadPool(4);
    // Each JDK HttpClient does all its connections' I/O on one selector thread: with a thousand
    // answers arriving together, one client's thread is a queue of its own. --clients spreads the
    // requests over several (round robin).
    HttpClient[] client = new HttpClient[Integer.parseInt(options.getOrDefault("clients", "1"))];
    for (int i = 0; i < client.length; i++) {
      client[i] =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .executor(callbacks)
              .build();
    }
    try {
      for (int round = 0; warmup > 0 && round < warmupRounds; round++) {
        long started = System.nanoTime();
        List<Answer> answers =
            burst(client, url, key, strategy, Arrays.copyOfRange(documents, offset + requests, offset + requests + warmup), timeout);
        System.out.print("warm-up " + (round + 1) + ": " + summary(answers, System.nanoTime() - started));
        Thread.sleep(1_000);
      }
      long started = System.nanoTime();
      List<Answer> answers =
          burst(client, url, key, strategy, Arrays.copyOfRange(documents, offset, offset + requests), timeout);
      System.out.print(summary(answers, System.nanoTime() - started));
    } finally {
      callbacks.shutdownNow();
    }
  }

  /** Sends every document at once and waits for every answer. */
  static List<Answer> burst(
      HttpClient[] clients, String url, String key, String strategy, byte[][] documents, Duration timeout) {
    List<CompletableFuture<Answer>> pending = new ArrayList<>(documents.length);
    List<HttpRequest> built = new ArrayList<>(documents.length);
    for (byte[] document : documents) {
      Matcher id = SESSION_ID.matcher(new String(document, 0, Math.min(document.length, 400), java.nio.charset.StandardCharsets.UTF_8));
      if (!id.find()) {
        throw new IllegalArgumentException("a document without sessionId");
      }
      built.add(
          HttpRequest.newBuilder(URI.create(url + "/v1/sessions/" + id.group(1) + "/generate?strategy=" + strategy))
              .timeout(timeout)
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(document))
              .build());
    }
    for (int i = 0; i < built.size(); i++) {
      long sent = System.nanoTime();
      pending.add(
          clients[i % clients.length].sendAsync(built.get(i), HttpResponse.BodyHandlers.ofByteArray())
              .handle((response, failure) -> answer(response, failure, System.nanoTime() - sent)));
    }
    return pending.stream().map(CompletableFuture::join).toList();
  }

  private static Answer answer(HttpResponse<byte[]> response, Throwable failure, long nanos) {
    if (failure != null) {
      Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
      return new Answer(0, null, null, cause.getClass().getSimpleName(), nanos);
    }
    if (response.statusCode() != 200) {
      return new Answer(response.statusCode(), null, null, null, nanos);
    }
    try {
      JsonNode output = JSON.readTree(response.body());
      JsonNode reason = output.get("fallbackReason");
      return new Answer(
          200, output.path("jit_strategy").asText(null), reason == null || reason.isNull() ? null : reason.asText(), null, nanos);
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
        counts.merge("strategy=" + a.strategy(), 1, Integer::sum);
      }
      counts.merge("fallbackReason=" + (a.fallbackReason() == null ? "none" : a.fallbackReason()), 1, Integer::sum);
      if (a.error() != null) {
        counts.merge("error=" + a.error(), 1, Integer::sum);
      }
    }
    Arrays.sort(nanos);
    StringBuilder out = new StringBuilder();
    out.append(String.format(
        "RESULT requests=%d wall_s=%.3f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f",
        answers.size(), wallNanos / 1e9, millis(nanos, 0.50), millis(nanos, 0.90), millis(nanos, 0.99),
        nanos.length == 0 ? 0.0 : nanos[nanos.length - 1] / 1e6));
    counts.forEach((k, v) -> out.append(' ').append(k).append('=').append(v).toString());
    return out.append('\n').toString();
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

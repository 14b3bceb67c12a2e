package dev.parakeet.jit.server;

import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.JitStrategy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * What {@code /metrics} shows (SPEC §10.3), in Prometheus text through Micrometer: requests by
 * route and status, generation latency by strategy, fallbacks by reason, the model's breaker,
 * model-call latency and database latency. Label values are route templates and enumerations,
 * never ids, so the number of series stays bounded.
 */
final class ServerMetrics {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  // Each meter is registered once and then found here: building and registering one per call
  // (tags sorted, an id built, the registry's map searched) cost more than the recording. The keys
  // are the labels, which are bounded (route templates, statuses, enumerations).
  private record RequestKey(String method, String route, int status) {}

  private record DatabaseKey(String operation, String outcome) {}

  private final Map<RequestKey, Timer> requests = new ConcurrentHashMap<>();
  private final Map<JitStrategy, Timer> generations = new ConcurrentHashMap<>();
  private final Map<String, Counter> fallbacks = new ConcurrentHashMap<>();
  private final Map<String, Timer> modelCalls = new ConcurrentHashMap<>();
  private final Map<DatabaseKey, Timer> databaseCalls = new ConcurrentHashMap<>();

  void request(String method, String route, int status, Duration elapsed) {
    requests.computeIfAbsent(new RequestKey(method, route, status), key -> Timer.builder("http_server_requests")
            .description("HTTP requests by route template and status")
            .tag("method", key.method())
            .tag("route", key.route())
            .tag("status", Integer.toString(key.status()))
            .register(registry))
        .record(elapsed);
  }

  /** One generation served: its latency by the strategy that produced it, and why it fell back. */
  void generated(JitOutput output, long nanos) {
    generations.computeIfAbsent(output.jitStrategy(), strategy -> Timer.builder("parakeet_generation")
            .description("Generation latency by the strategy that produced the session")
            .tag("strategy", strategy.wire())
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
    if (output.jitStrategy() == JitStrategy.FORMULA_FALLBACK) {
      fallbacks.computeIfAbsent(FallbackReasons.kind(output.fallbackReason()), reason -> Counter.builder("parakeet_fallbacks")
              .description("Sessions served by the formula because the model's answer was not used, by reason")
              .tag("reason", reason)
              .register(registry))
          .increment();
    }
  }

  void modelCall(String outcome, long nanos) {
    modelCalls.computeIfAbsent(outcome, key -> Timer.builder("parakeet_model_calls")
            .description("Model calls that were made, by outcome (ok or the failure kind)")
            .tag("outcome", key)
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  <T> T database(String operation, Supplier<T> call) {
    long started = System.nanoTime();
    String outcome = "error";
    try {
      T result = call.get();
      outcome = "ok";
      return result;
    } finally {
      databaseCalls.computeIfAbsent(new DatabaseKey(operation, outcome), key -> Timer.builder("parakeet_database")
              .description("Database calls by operation and outcome")
              .tag("operation", key.operation())
              .tag("outcome", key.outcome())
              .register(registry))
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
  }

  <T> void gauge(String name, String description, T state, ToDoubleFunction<T> value) {
    Gauge.builder(name, state, value).description(description).register(registry);
  }

  String scrape() {
    return registry.scrape();
  }
}

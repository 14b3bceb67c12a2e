package dev.parakeet.jit.server;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitInputBuilder;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.engine.validation.Violation;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.store.StoredSession;
import dev.parakeet.jit.wire.DocumentRejectedException;
import dev.parakeet.jit.wire.JitInputReader;
import dev.parakeet.jit.wire.ParsedInput;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/sessions/{sessionId}/generate} (SPEC §10.3): validate, check who may, generate,
 * record, answer the JitOutput. A failing database after a successful generation is a 503 that
 * still carries the session.
 */
final class GenerateRoute {

  /** Names the top-level fields that were kept but not recognised (SPEC §1.2), percent-encoded. */
  static final String UNRECOGNISED_HEADER = "Parakeet-Unrecognised-Fields";

  private final JitInputReader reader;
  private final StrategyRegistry registry;
  private final RequestBodies bodies;
  private final Stores stores;
  private final ServerMetrics metrics;
  private final StrategySetting defaultStrategy;

  GenerateRoute(
      JitInputReader reader,
      StrategyRegistry registry,
      RequestBodies bodies,
      Stores stores,
      ServerMetrics metrics,
      StrategySetting defaultStrategy) {
    this.reader = reader;
    this.registry = registry;
    this.bodies = bodies;
    this.stores = stores;
    this.metrics = metrics;
    this.defaultStrategy = defaultStrategy;
  }

  void handle(Context ctx) {
    String sessionId = ctx.pathParam("sessionId");
    StrategySetting requested = Api.strategy(ctx);
    ParsedInput parsed = read(bodies.json(ctx));
    JitInput input = parsed.input();
    if (!sessionId.equals(input.sessionId())) {
      throw Problems.invalid(
          JitInputReader.WHAT,
          List.of(new Violation("sessionId", "must equal the session id in the path, was " + Strings.quote(input.sessionId()))));
    }
    input = owned(Api.principal(ctx), input);
    // Lifter settings (SPEC §8) are read here once the store has them; until then: request, else default.
    StrategySetting setting = requested != null ? requested : defaultStrategy;
    long started = System.nanoTime();
    JitOutput output = registry.get(setting).generate(input);
    metrics.generated(output, System.nanoTime() - started);
    try {
      stores.record(new GenerationToStore(parsed.snapshotJson(), input, output, input.lifterId()));
    } catch (ApiProblem unavailable) {
      // The lifter can still train with the session: it rides along in the problem.
      throw unavailable.with("session", output);
    }
    if (!parsed.unrecognisedFields().isEmpty()) {
      ctx.header(UNRECOGNISED_HEADER, parsed.unrecognisedFields().stream()
          .map(name -> URLEncoder.encode(name, StandardCharsets.UTF_8))
          .collect(Collectors.joining(", ")));
    }
    Api.json(ctx, 200, output);
  }

  private ParsedInput read(byte[] body) {
    try {
      return reader.read(body);
    } catch (DocumentRejectedException e) {
      throw Problems.invalid(JitInputReader.WHAT, e.violations());
    }
  }

  /**
   * A lifter generates only its own sessions: the input's {@code lifterId}, when given, must be the
   * token's subject, and a stored session of another lifter is refused with the same answer as
   * reading it. The generation is recorded under the subject.
   */
  private JitInput owned(Principal who, JitInput input) {
    if (!(who instanceof Principal.Lifter lifter)) {
      return input;
    }
    if (input.lifterId() != null && !input.lifterId().equals(lifter.id())) {
      throw Problems.forbidden("the input's lifterId is not the lifter this token names");
    }
    Optional<StoredSession> stored = stores.findSession(input.sessionId());
    if (stored.isPresent() && !Objects.equals(stored.get().lifterId(), lifter.id())) {
      throw Problems.notYourSession();
    }
    return input.lifterId() != null ? input : JitInputBuilder.from(input).lifterId(lifter.id()).build();
  }
}

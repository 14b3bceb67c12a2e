package dev.parakeet.jit.server;

import dev.parakeet.jit.engine.model.JitInput;
import dev.parakeet.jit.engine.model.JitInputBuilder;
import dev.parakeet.jit.engine.model.JitOutput;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.strategy.Generation;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.engine.validation.Violation;
import dev.parakeet.jit.store.GenerationToStore;
import dev.parakeet.jit.store.LifterSetting;
import dev.parakeet.jit.store.OwnerConflictException;
import dev.parakeet.jit.wire.DocumentRejectedException;
import dev.parakeet.jit.wire.JitInputReader;
import dev.parakeet.jit.wire.ParsedInput;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/sessions/{sessionId}/generate} (SPEC §10.3): validate, check who may, choose the
 * strategy (the request's, else the lifter's setting, else the server's default), generate,
 * record, answer the JitOutput. A failing database never costs the lifter the session: it rides
 * along in the 503.
 */
final class GenerateRoute {

  /** Names the top-level fields that were kept but not recognised (SPEC §1.2), percent-encoded. */
  static final String UNRECOGNISED_HEADER = "Parakeet-Unrecognised-Fields";

  private final JitInputReader reader;
  private final StrategyRegistry registry;
  private final BiFunction<ParsedInput, Generation, GenerationToStore> storable;
  private final RequestBodies bodies;
  private final Stores stores;
  private final ServerMetrics metrics;
  private final StrategySetting defaultStrategy;

  GenerateRoute(
      JitInputReader reader,
      StrategyRegistry registry,
      BiFunction<ParsedInput, Generation, GenerationToStore> storable,
      RequestBodies bodies,
      Stores stores,
      ServerMetrics metrics,
      StrategySetting defaultStrategy) {
    this.reader = reader;
    this.registry = registry;
    this.storable = storable;
    this.bodies = bodies;
    this.stores = stores;
    this.metrics = metrics;
    this.defaultStrategy = defaultStrategy;
  }

  void handle(Context ctx) {
    String sessionId = ctx.pathParam("sessionId");
    StrategySetting requested = Api.strategy(ctx);
    Principal who = Api.principal(ctx);
    ParsedInput parsed = read(bodies.json(ctx), sessionId);
    JitInput input = parsed.input();
    if (!sessionId.equals(input.sessionId())) {
      throw Problems.invalid(
          JitInputReader.WHAT,
          List.of(new Violation("sessionId", "must equal the session id in the path, was " + Strings.quote(input.sessionId()))));
    }
    String lifterId = lifterOf(who, input);
    // The reads before generating. If the database fails here, the session is still generated
    // (with the request's strategy or the default) and handed back in the 503.
    ApiProblem storeDown = null;
    StrategySetting setting = requested;
    try {
      if (who instanceof Principal.Lifter) {
        checkOwner(sessionId, lifterId);
      }
      if (setting == null && lifterId != null) {
        setting = stores.lifterSetting(lifterId).map(LifterSetting::jitStrategy).orElse(null);
      }
    } catch (ApiProblem problem) {
      if (problem.status() != 503) {
        throw problem;
      }
      storeDown = problem;
    }
    JitInput generated =
        lifterId == null || lifterId.equals(input.lifterId()) ? input : JitInputBuilder.from(input).lifterId(lifterId).build();
    long started = System.nanoTime();
    Generation generation = registry.get(setting != null ? setting : defaultStrategy).generation(generated);
    JitOutput output = generation.output();
    metrics.generated(output, System.nanoTime() - started);
    if (storeDown != null) {
      throw storeDown.with("session", output);
    }
    record(who, underLifter(storable.apply(parsed, generation), lifterId), output);
    if (!parsed.unrecognisedFields().isEmpty()) {
      ctx.header(UNRECOGNISED_HEADER, parsed.unrecognisedFields().stream()
          .map(name -> URLEncoder.encode(name, StandardCharsets.UTF_8))
          .collect(Collectors.joining(", ")));
    }
    Api.json(ctx, 200, output);
  }

  private void record(Principal who, GenerationToStore generation, JitOutput output) {
    try {
      stores.record(generation);
    } catch (ApiProblem unavailable) {
      // The lifter can still train with the session: it rides along in the problem.
      throw unavailable.with("session", output);
    } catch (OwnerConflictException e) {
      // Another lifter created this session first (or owns it): nothing was written.
      throw who instanceof Principal.Lifter ? Problems.notYourSession() : Problems.ownerConflict();
    }
  }

  /**
   * The input, with the session id of the path when the body names none (SPEC §10.3: the body's
   * {@code sessionId}, when present, must equal the path's). The id is put into the document
   * itself, so the stored snapshot has it and a replay of it is the same generation.
   */
  private ParsedInput read(byte[] body, String pathSessionId) {
    try {
      return reader.read(body);
    } catch (DocumentRejectedException e) {
      byte[] completed = namesNoSessionId(e.violations()) ? SessionIds.withSessionId(body, pathSessionId) : null;
      if (completed == null) {
        throw Problems.invalid(JitInputReader.WHAT, e.violations());
      }
      try {
        return reader.read(completed);
      } catch (DocumentRejectedException again) {
        throw Problems.invalid(JitInputReader.WHAT, again.violations());
      }
    }
  }

  /** The body named no session id (other violations may come with it: they are reported then). */
  private static boolean namesNoSessionId(List<Violation> violations) {
    return violations.stream().anyMatch(v -> v.path().equals("sessionId") && v.message().equals("is required"));
  }

  /**
   * Who the generation is recorded under: a lifter's token's subject (an input naming another
   * lifter is refused), or for a service the input's {@code lifterId}.
   */
  private static String lifterOf(Principal who, JitInput input) {
    if (!(who instanceof Principal.Lifter lifter)) {
      return input.lifterId();
    }
    if (input.lifterId() != null && !input.lifterId().equals(lifter.id())) {
      throw Problems.forbidden("the input's lifterId is not the lifter this token names");
    }
    return lifter.id();
  }

  /** A stored session of another lifter (or of none) is refused with the same answer as reading it. */
  private void checkOwner(String sessionId, String lifterId) {
    stores.owner(sessionId).ifPresent(owner -> {
      if (!Objects.equals(owner.lifterId(), lifterId)) {
        throw Problems.notYourSession();
      }
    });
  }

  /** A lifter's input without {@code lifterId} is recorded under the token's subject; the snapshot stays as received. */
  private static GenerationToStore underLifter(GenerationToStore generation, String lifterId) {
    return Objects.equals(generation.lifterId(), lifterId)
        ? generation
        : new GenerationToStore(
            generation.inputSnapshotJson(), generation.input(), generation.output(), lifterId, generation.decision());
  }
}

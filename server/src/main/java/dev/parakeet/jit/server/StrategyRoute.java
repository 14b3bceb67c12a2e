package dev.parakeet.jit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parakeet.jit.engine.model.StrategySetting;
import dev.parakeet.jit.engine.strategy.JitGeneratorStrategy;
import dev.parakeet.jit.engine.strategy.StrategyRegistry;
import dev.parakeet.jit.llm.LlmSettings;
import dev.parakeet.jit.wire.JitJson;
import io.javalin.http.Context;

/**
 * {@code GET /v1/strategies}: the strategies, the configured provider and model, and whether
 * {@code auto} would ask the model now (the circuit breaker's state).
 */
final class StrategyRoute {

  private final StrategyRegistry registry;
  private final LlmSettings llm;
  private final StrategySetting defaultStrategy;

  StrategyRoute(StrategyRegistry registry, LlmSettings llm, StrategySetting defaultStrategy) {
    this.registry = registry;
    this.llm = llm;
    this.defaultStrategy = defaultStrategy;
  }

  /** True while {@code auto} asks the model: a provider is configured and its circuit is not open. */
  boolean autoUsesModel() {
    return registry.choose(StrategySetting.AUTO) != registry.choose(StrategySetting.FORMULA);
  }

  void handle(Context ctx) {
    ObjectNode json = JitJson.mapper().createObjectNode();
    ArrayNode strategies = json.putArray("strategies");
    for (StrategySetting setting : StrategySetting.values()) {
      JitGeneratorStrategy strategy = registry.get(setting);
      strategies.addObject().put("name", setting.wire()).put("description", strategy.description());
    }
    json.put("defaultStrategy", defaultStrategy.wire());
    json.put("provider", llm.provider().wire());
    json.put("model", llm.model());
    json.put("providerConfigured", llm.configured());
    json.put("autoUsesModel", autoUsesModel());
    Api.json(ctx, 200, json);
  }
}

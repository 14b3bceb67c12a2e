package dev.parakeet.jit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.parakeet.jit.wire.JitJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema sent to providers: every field required, nothing else allowed, bounds only in words. */
class AdjustmentSchemaTest {

  private final AdjustmentSchema schema = new AdjustmentSchema();

  private JsonNode strictJson() {
    return JitJson.toTree(JsonSchemaElementUtils.toMap(schema.root(), true));
  }

  @Test
  void everyFieldIsRequiredAndNoOtherIsAllowed() {
    JsonNode root = strictJson();
    assertThat(root.get("type").asText()).isEqualTo("object");
    assertThat(root.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(root.get("required"))
        .extracting(JsonNode::asText)
        .containsExactly("intensityModifier", "setModifier", "skipMainLift", "auxOverrides", "rationale", "confidence");
    JsonNode override = root.at("/properties/auxOverrides/items");
    assertThat(override.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(override.get("required")).extracting(JsonNode::asText).containsExactly("exercise", "action");
  }

  @Test
  void typesAndEnumsAreThoseOfTheRecord() {
    JsonNode properties = strictJson().get("properties");
    assertThat(properties.at("/intensityModifier/type").asText()).isEqualTo("number");
    assertThat(properties.at("/setModifier/type").asText()).isEqualTo("integer");
    assertThat(properties.at("/skipMainLift/type").asText()).isEqualTo("boolean");
    assertThat(properties.at("/rationale/items/type").asText()).isEqualTo("string");
    assertThat(properties.at("/confidence/enum")).extracting(JsonNode::asText).containsExactly("high", "medium", "low");
    assertThat(properties.at("/auxOverrides/items/properties/action/enum"))
        .extracting(JsonNode::asText)
        .containsExactly("skip", "reduce", "normal");
  }

  @Test
  void boundsTravelAsDescriptionsNotKeywords() {
    JsonNode root = strictJson();
    List<String> keywords = new ArrayList<>();
    root.findParents("type").forEach(node -> node.fieldNames().forEachRemaining(keywords::add));
    assertThat(keywords).doesNotContain("minimum", "maximum", "exclusiveMinimum", "maxLength", "minLength", "maxItems", "minItems");
    assertThat(root.at("/properties/intensityModifier/description").asText()).contains("between 0.40 and 1.20");
    assertThat(root.at("/properties/setModifier/description").asText()).contains("between -3 and 2");
    assertThat(root.at("/properties/rationale/description").asText()).contains("1 to 5 items").contains("each at most 200 characters");
  }

  @Test
  void theRawSchemaForOllamaIsTheStrictOne() throws Exception {
    String raw = ((dev.langchain4j.model.chat.request.json.JsonRawSchema) schema.rawResponseFormat().jsonSchema().rootElement()).schema();
    assertThat(JitJson.mapper().readTree(raw)).isEqualTo(strictJson());
  }

  @Test
  void thePromptStatesTheSameBounds() {
    String prompt = new CoachPrompt(schema).system();
    assertThat(prompt)
        .contains("intensityModifier: a number between 0.40 and 1.20")
        .contains("setModifier: an integer between -3 and 2")
        .contains("rationale: 1 to 5 items; each at most 200 characters")
        .contains("never penalise one cause twice")
        .contains("An active disruption outranks soreness and RPE")
        .contains("intensityModifier 1.0 and setModifier 0")
        .contains("stays at or above 90 % of the programmed weight")
        .contains("no weight goes above 105 % of it")
        .contains("Bounds (an answer outside them is discarded):\n- ");
  }
}

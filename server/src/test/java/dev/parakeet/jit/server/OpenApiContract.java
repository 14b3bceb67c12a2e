package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.parakeet.jit.wire.JitJson;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The hand-written OpenAPI document as a contract: parsed and validated by swagger-parser, and
 * every response a test receives checked against it — the operation exists, the status is
 * declared, the media type is declared, and a JSON body matches the declared schema (JSON Schema
 * 2020-12, as OpenAPI 3.1 uses). Responses to paths the document does not have must be 404/405
 * problems. So the document cannot drift from the code without a test failing.
 */
final class OpenApiContract {

  private static final String BASE = "https://parakeet.test/openapi.json";
  static final String TEXT = load();
  static final JsonNode DOCUMENT = JitJson.readTree(TEXT);
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Map.of(BASE, TEXT)));
  private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();
  /** Every (operation, status) a test has received, for the coverage check. */
  static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  private OpenApiContract() {}

  /** swagger-parser's verdict on the document: no messages means valid OpenAPI 3.1. */
  static SwaggerParseResult parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(TEXT, null, options);
  }

  static void check(String method, String path, int status, String contentType, String body) {
    String describe = method + " " + path + " → " + status;
    Map.Entry<String, JsonNode> template = operationPath(path);
    JsonNode operation = template == null ? null : template.getValue().get(method.toLowerCase(Locale.ROOT));
    if (operation == null) {
      assertThat(status).as(describe + ": not in the document, so only 404/405 may answer").isIn(404, 405);
      validate(describe, "#/components/schemas/Problem", JitJson.readTree(body));
      assertThat(contentType).startsWith("application/problem+json");
      return;
    }
    JsonNode response = operation.path("responses").get(Integer.toString(status));
    if (response == null) {
      fail(describe + ": status not declared in the OpenAPI document; declared: "
          + fieldNames(operation.path("responses")));
    }
    SEEN.add(method.toUpperCase(Locale.ROOT) + " " + template.getKey() + " " + status);
    response = resolve(response);
    String mediaType = contentType == null ? null : contentType.split(";", 2)[0].strip();
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return;
    }
    JsonNode media = content.get(mediaType);
    assertThat(media).as(describe + ": media type " + mediaType + " not declared; declared: " + fieldNames(content)).isNotNull();
    if (mediaType.equals("application/x-ndjson")) {
      for (String line : body.split("\n")) {
        assertThat(JitJson.readTree(line).isObject()).as(describe + ": every line is a JSON object").isTrue();
      }
    } else if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
      JsonNode schema = media.path("schema");
      String pointer = schema.has("$ref") ? schema.get("$ref").asText() : null;
      if (pointer != null) {
        validate(describe, pointer, JitJson.readTree(body));
      } else {
        assertThat(schema.path("type").asText()).as(describe).isEqualTo("object");
        assertThat(JitJson.readTree(body).isObject()).as(describe + ": body is an object").isTrue();
      }
    }
  }

  private static void validate(String describe, String pointer, JsonNode body) {
    Schema schema = COMPILED.computeIfAbsent(pointer, p -> SCHEMAS.getSchema(SchemaLocation.of(BASE + p)));
    List<Error> errors = schema.validate(body);
    assertThat(errors).as(describe + ": body does not match " + pointer + ": " + body).isEmpty();
  }

  /** Responses are inline or {@code $ref}s to components. */
  private static JsonNode resolve(JsonNode node) {
    if (!node.has("$ref")) {
      return node;
    }
    String pointer = node.get("$ref").asText().substring(1);
    return DOCUMENT.at(pointer);
  }

  private static Map.Entry<String, JsonNode> operationPath(String path) {
    Iterator<Map.Entry<String, JsonNode>> paths = DOCUMENT.path("paths").properties().iterator();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> entry = paths.next();
      String regex = Pattern.quote(entry.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      if (path.matches(regex)) {
        return entry;
      }
    }
    return null;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String load() {
    try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

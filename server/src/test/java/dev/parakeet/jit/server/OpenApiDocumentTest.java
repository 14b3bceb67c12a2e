package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document itself: valid OpenAPI 3.1 by swagger-parser, and it names every route the server has. */
class OpenApiDocumentTest {

  @Test
  void isValidOpenApi31() {
    SwaggerParseResult result = OpenApiContract.parse();
    assertThat(result.getMessages()).isEmpty();
    OpenAPI api = result.getOpenAPI();
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    assertThat(api.getPaths().keySet())
        .containsExactlyInAnyOrder(
            "/v1/sessions/{sessionId}/generate", "/v1/sessions/{sessionId}", "/v1/sessions/{sessionId}/generations",
            "/v1/sessions", "/v1/lifters/{lifterId}/settings", "/v1/strategies", "/v1/replay", "/v1/comparisons",
            "/v1/comparisons/summary", "/healthz", "/readyz", "/metrics", "/openapi.json");
  }

  @Test
  void everyOperationDeclaresItsProblemsAsProblemJson() {
    List<String> missing = new ArrayList<>();
    OpenApiContract.DOCUMENT.get("paths").properties().forEach(path ->
        path.getValue().properties().forEach(operation -> {
          if (!operation.getValue().path("responses").has("500")) {
            missing.add(operation.getKey() + " " + path.getKey());
          }
        }));
    assertThat(missing).isEmpty();
  }
}

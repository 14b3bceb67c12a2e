package dev.parakeet.jit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class ChatModelsTest {

  @Test
  void plainHttpProvidersAreSpokenToInHttp11AndHttpsOnesMayNegotiateHttp2() {
    // Builders only: HttpClient is closeable only from Java 21 on, and none of these connects.
    assertThat(ChatModels.jdkClient("http://127.0.0.1:8089/v1").build().version())
        .isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(ChatModels.jdkClient("HTTP://localhost:11434").build().version())
        .isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(ChatModels.jdkClient("https://api.anthropic.com/v1").build().version())
        .isEqualTo(HttpClient.Version.HTTP_2);
  }

  @Test
  void theClientRunsItsStepsWithoutAPoolOfItsOwn() {
    HttpClient client = ChatModels.jdkClient("https://api.anthropic.com/v1").build();
    assertThat(client.executor()).isPresent();
    Thread[] ranOn = new Thread[1];
    client.executor().orElseThrow().execute(() -> ranOn[0] = Thread.currentThread());
    assertThat(ranOn[0]).isSameAs(Thread.currentThread());
  }
}

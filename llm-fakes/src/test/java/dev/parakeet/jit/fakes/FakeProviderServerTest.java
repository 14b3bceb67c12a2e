package dev.parakeet.jit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeProviderServerTest {

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void startsOnAGivenPortOnLoopback() throws Exception {
    int port = freePort();
    try (FakeProviderServer server = FakeProviderServer.start(Protocol.OPENAI, port)) {
      assertThat(server.port()).isEqualTo(port);
      assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + port + "/v1");
      assertThat(server.endpointUrl())
          .isEqualTo("http://127.0.0.1:" + port + "/v1/chat/completions");
      assertThat(Http.chat(server).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aTakenPortFailsClearly() {
    try (FakeProviderServer first = FakeProviderServer.start(Protocol.OLLAMA)) {
      assertThatThrownBy(() -> FakeProviderServer.start(Protocol.OLLAMA, first.port()))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(String.valueOf(first.port()));
    }
  }

  @Test
  void beforeAnyConnectionEverythingIsClosedAndNothingRecorded() throws Exception {
    try (FakeProviderServer server = FakeProviderServer.start(Protocol.ANTHROPIC)) {
      assertThat(server.connections()).isEmpty();
      assertThat(server.openConnections()).isZero();
      assertThat(server.awaitAllConnectionsClosed(Duration.ZERO)).isTrue();
      assertThat(server.awaitUnansweredConnectionsClosed(Duration.ZERO)).isTrue();
      assertThat(server.requests()).isEmpty();
      assertThat(server.takeRequest(Duration.ofMillis(10))).isNull();
    }
  }

  @Test
  void closeIsIdempotentAndStopsListening() {
    FakeProviderServer server = FakeProviderServer.start(Protocol.ANTHROPIC);
    int port = server.port();
    server.close();
    server.close();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
  }

  @Test
  @SuppressWarnings("try") // the socket only has to be open while the block runs
  void aConnectionWithoutARequestIsObservedOpenThenClosedByTheClient() throws Exception {
    try (FakeProviderServer server = FakeProviderServer.start(Protocol.OLLAMA)) {
      try (Socket s = new Socket("127.0.0.1", server.port())) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.connections().isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertThat(server.connections()).singleElement().satisfies(c -> assertThat(c.isOpen()).isTrue());
        assertThat(server.openConnections()).isEqualTo(1);
        assertThat(server.awaitUnansweredConnectionsClosed(Duration.ZERO)).isTrue(); // nothing asked
      }
      assertThat(server.awaitAllConnectionsClosed(Duration.ofSeconds(5))).isTrue();
      assertThat(server.connections().get(0).closedByClient()).isTrue();
    }
  }

  @Test
  void withoutHistoryEveryRequestIsStillTakenButNoneIsKept() throws Exception {
    try (FakeProviderServer server = FakeProviderServer.start(Protocol.ANTHROPIC).keepHistory(false)) {
      assertThat(Http.chat(server).statusCode()).isEqualTo(200);
      assertThat(Http.chat(server).statusCode()).isEqualTo(200);
      assertThat(server.takeRequest(Duration.ofSeconds(5))).isNotNull();
      assertThat(server.takeRequest(Duration.ofSeconds(5))).isNotNull();
      assertThat(server.requests()).isEmpty();
      server.keepHistory(true);
      assertThat(Http.chat(server).statusCode()).isEqualTo(200);
      assertThat(server.requests()).hasSize(1);
    }
  }
}

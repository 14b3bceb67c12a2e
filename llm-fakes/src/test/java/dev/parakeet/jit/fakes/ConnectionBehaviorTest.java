package dev.parakeet.jit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Connection-level behaviors, for every protocol, observed through the JDK HttpClient. */
class ConnectionBehaviorTest {

  private static final Duration GENEROUS = Duration.ofSeconds(5);

  private FakeProviderServer server;

  private FakeProviderServer start(Protocol protocol) {
    server = FakeProviderServer.start(protocol);
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static void awaitRequest(FakeProviderServer server) throws InterruptedException {
    assertThat(server.takeRequest(GENEROUS)).as("request reached the server").isNotNull();
  }

  private static void assertClosedByClient(FakeProviderServer server) throws InterruptedException {
    assertThat(server.awaitAllConnectionsClosed(GENEROUS)).isTrue();
    assertThat(server.openConnections()).isZero();
    assertThat(server.connections())
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(c.closedAt()).isNotNull();
              assertThat(c.closedByClient()).isTrue();
              assertThat(c.closedAt()).isAfterOrEqualTo(c.openedAt());
            });
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void neverAnswerThenCancelClosesTheConnection(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol).enqueue(Behavior.neverAnswer());
    CompletableFuture<HttpResponse<String>> future = Http.chatAsync(server);
    awaitRequest(server);
    assertThat(server.openConnections()).isEqualTo(1);
    assertThat(server.awaitAllConnectionsClosed(Duration.ofMillis(200))).isFalse();

    future.cancel(true);

    assertClosedByClient(server);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void unansweredConnectionsIgnoreIdlePooledOnes(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol);
    HttpClient pooling = Http.client();
    assertThat(Http.send(pooling, Http.chatRequest(server).build()).statusCode()).isEqualTo(200);
    server.enqueue(Behavior.neverAnswer());
    CompletableFuture<HttpResponse<String>> hanging = Http.chatAsync(server);
    awaitRequest(server); // the answered one
    awaitRequest(server); // the hanging one
    assertThat(server.awaitUnansweredConnectionsClosed(Duration.ofMillis(200))).isFalse();

    hanging.cancel(true);

    assertThat(server.awaitUnansweredConnectionsClosed(GENEROUS)).isTrue();
    assertThat(server.connections()).hasSize(2);
    assertThat(server.connections().get(0).isOpen()).isTrue(); // idle in the first client's pool
    assertThat(server.connections().get(1).closedByClient()).isTrue();
    assertThat(server.awaitAllConnectionsClosed(Duration.ofMillis(100))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void neverAnswerThenRequestTimeoutClosesTheConnection(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol).enqueue(Behavior.neverAnswer());
    HttpRequest request = Http.chatRequest(server).timeout(Duration.ofMillis(300)).build();

    assertThatThrownBy(() -> Http.client().send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);

    assertClosedByClient(server);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void dripThenCancelClosesTheConnection(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol).enqueue(Behavior.drip(Duration.ofMillis(50)));
    CompletableFuture<HttpResponse<String>> future = Http.chatAsync(server);
    awaitRequest(server);
    Thread.sleep(300); // a few chunks flow; the body never completes
    assertThat(future).isNotDone();

    future.cancel(true);

    assertClosedByClient(server);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void dripSendsChunkedSpacesUntilTheClientCloses(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol).enqueue(Behavior.drip(Duration.ofMillis(20)));
    HttpResponse<InputStream> response =
        Http.client()
            .send(Http.chatRequest(server).build(), HttpResponse.BodyHandlers.ofInputStream());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
    assertThat(response.headers().firstValue("content-length")).isEmpty();
    InputStream body = response.body();
    byte[] three = body.readNBytes(3);
    assertThat(new String(three, StandardCharsets.US_ASCII)).isEqualTo("   ");
    body.close();

    assertClosedByClient(server);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void slowAnswersAfterTheDelay(Protocol protocol) throws Exception {
    FakeProviderServer server =
        start(protocol).enqueue(Behavior.slow(Duration.ofMillis(400), Behavior.refusal()));
    long t0 = System.nanoTime();
    HttpResponse<String> response = Http.chat(server);
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(400);
    assertThat(response.body()).contains("help");
    RecordedRequest recorded = server.takeRequest(GENEROUS);
    assertThat(recorded).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void slowThenTheClientGivesUpClosesTheConnection(Protocol protocol) throws Exception {
    FakeProviderServer server =
        start(protocol).enqueue(Behavior.slow(Duration.ofSeconds(60), Behavior.answer("{}")));
    HttpRequest request = Http.chatRequest(server).timeout(Duration.ofMillis(300)).build();

    assertThatThrownBy(() -> Http.client().send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);

    assertClosedByClient(server); // long before the 60 s delay is over
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void sequentialRequestsFromOneClientShareOneConnection(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol);
    HttpClient client = Http.client();

    HttpResponse<String> first = Http.send(client, Http.chatRequest(server).build());
    HttpResponse<String> second = Http.send(client, Http.chatRequest(server).build());
    HttpResponse<String> third = Http.send(client, Http.chatRequest(server).build());

    assertThat(List.of(first, second, third)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(server.requests()).hasSize(3);
    assertThat(server.connections()).hasSize(1);
    assertThat(server.openConnections()).isEqualTo(1); // idle in the client's pool
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void theJdkClientsH2cUpgradeIsAnsweredOverHttp11(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(Http.endpoint(server))
                .POST(HttpRequest.BodyPublishers.ofString(Http.requestBody(protocol)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    RecordedRequest recorded = server.takeRequest(GENEROUS);
    assertThat(recorded.header("Upgrade")).isEqualTo("h2c");
    assertThat(recorded.header("connection")).containsIgnoringCase("upgrade");
    assertThat(recorded.header("HTTP2-Settings")).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aRawH2cUpgradeRequestGetsAPlainHttp11Answer(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol);
    String body = Http.requestBody(protocol);
    String response =
        Http.raw(
            server,
            "POST "
                + protocol.path()
                + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Connection: Upgrade, HTTP2-Settings, close\r\n"
                + "Upgrade: h2c\r\n"
                + "HTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n"
                + body);

    assertThat(response).startsWith("HTTP/1.1 200 OK\r\n");
    assertThat(response.toLowerCase()).doesNotContain("upgrade").contains("connection: close");
    assertThat(response).contains(Behavior.SAMPLE_ADJUSTMENT.replace("\"", "\\\""));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void requestsAreRecordedWithHeadersBodyAndJson(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol);
    String body = Http.requestBody(protocol);
    Http.send(
        Http.client(),
        Http.chatRequest(server, body).header("X-Trace-Id", "trace-42").build());

    RecordedRequest r = server.takeRequest(GENEROUS);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo(protocol.path());
    assertThat(r.body()).isEqualTo(body);
    assertThat(r.json()).isEqualTo(Http.json(body));
    assertThat(r.header("x-trace-id")).isEqualTo("trace-42");
    assertThat(r.header("X-TRACE-ID")).isEqualTo("trace-42");
    assertThat(r.headers()).containsEntry("x-trace-id", "trace-42");
    assertThat(r.headers().keySet()).allSatisfy(k -> assertThat(k).isLowerCase());
    assertThat(r.header("content-type")).isEqualTo("application/json");
    assertThat(r.receivedAt()).isNotNull();
    if (protocol == Protocol.ANTHROPIC) {
      assertThat(r.header("x-api-key")).isEqualTo(Http.SECRET);
      assertThat(r.header("anthropic-version")).isEqualTo("2023-06-01");
    }
    if (protocol == Protocol.OPENAI) {
      assertThat(r.header("authorization")).isEqualTo("Bearer " + Http.SECRET);
    }
    assertThat(r.toString()).doesNotContain(Http.SECRET);
    assertThat(server.requests()).containsExactly(r);
    assertThat(server.takeRequest(Duration.ofMillis(50))).isNull();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aNonJsonBodyIsRecordedWithNullJson(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol);
    Http.send(Http.client(), Http.chatRequest(server, "not json {").build());

    RecordedRequest r = server.takeRequest(GENEROUS);
    assertThat(r.body()).isEqualTo("not json {");
    assertThat(r.json()).isNull();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aChunkedRequestBodyIsDechunked(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol);
    String body = Http.requestBody(protocol);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    int half = bytes.length / 2;
    StringBuilder chunked = new StringBuilder();
    chunked.append(Integer.toHexString(half)).append(";ext=1\r\n").append(body, 0, half).append("\r\n");
    chunked.append(Integer.toHexString(bytes.length - half)).append("\r\n");
    chunked.append(body.substring(half)).append("\r\n0\r\nX-Trailer: t\r\n\r\n");

    String response =
        Http.raw(
            server,
            "POST " + protocol.path() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                + chunked);

    assertThat(response).startsWith("HTTP/1.1 200 OK\r\n");
    RecordedRequest r = server.takeRequest(GENEROUS);
    assertThat(r.body()).isEqualTo(body);
    assertThat(r.json()).isEqualTo(Http.json(body));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void pipelinedRequestsOnOneConnectionAreAnsweredInOrder(Protocol protocol) throws Exception {
    FakeProviderServer server =
        start(protocol)
            .enqueue(Behavior.slow(Duration.ofMillis(100), Behavior.status(429)), Behavior.truncated());
    String body = Http.requestBody(protocol);
    String one =
        "POST " + protocol.path() + " HTTP/1.1\r\nHost: x\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    String last = one.replace("Host: x\r\n", "Host: x\r\nConnection: close\r\n");

    String response = Http.raw(server, one + last);

    assertThat(response).startsWith("HTTP/1.1 429 ");
    assertThat(response.indexOf("HTTP/1.1 200 OK")).isGreaterThan(0);
    assertThat(server.connections()).hasSize(1);
    assertThat(server.requests()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void connectionCloseIsHonoured(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol);
    String body = Http.requestBody(protocol);
    // Reading to EOF proves the server ended the connection; the client then closes its end.
    String response =
        Http.raw(
            server,
            "POST " + protocol.path() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body);
    assertThat(response).startsWith("HTTP/1.1 200 OK").contains("Connection: close\r\n");
    assertThat(server.awaitAllConnectionsClosed(GENEROUS)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void expectContinueIsSupported(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol);
    HttpResponse<String> response =
        Http.send(Http.client(), Http.chatRequest(server).expectContinue(true).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.takeRequest(GENEROUS).header("expect")).isEqualToIgnoringCase("100-continue");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void fiftyConcurrentRequestsAreAllAnswered(Protocol protocol) throws Exception {
    FakeProviderServer server =
        start(protocol).whenIdle(Behavior.slow(Duration.ofMillis(50), Behavior.outOfBounds()));
    HttpClient client = Http.client();
    List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      futures.add(
          client.sendAsync(Http.chatRequest(server).build(), HttpResponse.BodyHandlers.ofString()));
    }

    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    for (CompletableFuture<HttpResponse<String>> f : futures) {
      assertThat(f.get().statusCode()).isEqualTo(200);
      assertThat(f.get().body()).contains("0.1");
    }
    assertThat(server.requests()).hasSize(50);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void queuedBehaviorsAreUsedInOrderThenTheIdleOne(Protocol protocol) {
    FakeProviderServer server =
        start(protocol)
            .enqueue(Behavior.status(500), Behavior.status(429))
            .whenIdle(Behavior.status(503));
    HttpClient client = Http.client();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      statuses.add(Http.send(client, Http.chatRequest(server).build()).statusCode());
    }
    assertThat(statuses).containsExactly(500, 429, 503, 503);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void closingTheServerReleasesAHangingClient(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol).enqueue(Behavior.neverAnswer());
    CompletableFuture<HttpResponse<String>> future = Http.chatAsync(server);
    awaitRequest(server);

    server.close();

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(server.connections())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.closedAt()).isNotNull();
              assertThat(c.closedByClient()).isFalse();
            });
    assertThat(server.awaitAllConnectionsClosed(Duration.ZERO)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void closingTheServerEndsADrip(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol).enqueue(Behavior.drip(Duration.ofMillis(30)));
    CompletableFuture<HttpResponse<String>> future = Http.chatAsync(server);
    awaitRequest(server);
    Thread.sleep(100);

    server.close();

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    assertThat(server.connections()).allSatisfy(c -> assertThat(c.closedByClient()).isFalse());
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void anIdleKeepAliveConnectionClosedByTheClientIsObserved(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol);
    String body = Http.requestBody(protocol);
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream()
          .write(
              ("POST " + protocol.path() + " HTTP/1.1\r\nHost: x\r\nContent-Length: "
                      + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                  .getBytes(StandardCharsets.UTF_8));
      InputStream in = s.getInputStream();
      assertThat(new String(in.readNBytes(15), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK");
      assertThat(server.awaitAllConnectionsClosed(Duration.ofMillis(200))).isFalse();
    }
    assertClosedByClient(server);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void anUnparseableRequestGets400(Protocol protocol) throws Exception {
    FakeProviderServer server = start(protocol);
    String response = Http.raw(server, "HELLO\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 400 Bad Request\r\n");
    assertThat(server.awaitAllConnectionsClosed(GENEROUS)).isTrue();
    assertThat(server.requests()).isEmpty();
  }
}

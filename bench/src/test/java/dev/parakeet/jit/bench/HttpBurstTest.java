package dev.parakeet.jit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parakeet.jit.bench.HttpBurst.Answer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The load client against a loopback fake server that answers each request as its session id
 * says: with a Content-Length, chunked, in many small writes, too late, with a 503, by closing
 * the connection, or with a body that runs to the connection's end.
 */
class HttpBurstTest {

  /** The deadline of the burst with the answer that never comes; the other bursts never wait for theirs. */
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static final Duration NEVER = Duration.ofSeconds(60);

  private FakeServer server;
  private NioBurst client;

  @BeforeEach
  void start() throws IOException {
    server = new FakeServer();
    client = new NioBurst(new HttpBurst.Target("127.0.0.1", server.port(), "").address());
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
  }

  @Test
  void countsEveryKindOfAnswerAndReadsTheTwoTopLevelFields() throws Exception {
    List<Answer> answers =
        HttpBurst.burst(
            client,
            requests("length-1", "length-2", "chunked-1", "split-1", "slow-1", "unavailable-1", "close-1", "untilclose-1"),
            TIMEOUT);

    assertThat(answers).hasSize(8);
    assertAnswered(answers.get(0), 200, "llm", null);
    assertAnswered(answers.get(1), 200, "llm", null);
    assertAnswered(answers.get(2), 200, "formula", "over_capacity: \"256\" calls\nin flight é");
    assertAnswered(answers.get(3), 200, "llm", null);
    assertThat(answers.get(4).status()).isZero();
    assertThat(answers.get(4).error()).isEqualTo("timeout");
    assertAnswered(answers.get(5), 503, null, null);
    assertThat(answers.get(6).status()).isZero();
    assertThat(answers.get(6).error()).isEqualTo("EOFException");
    assertAnswered(answers.get(7), 200, "formula", "timeout");
    // The timed-out request's connection was closed by the client.
    assertThat(server.slowClosed.await(20, TimeUnit.SECONDS)).isTrue();
    // Every request had a connection of its own.
    assertThat(server.accepted.get()).isEqualTo(8);

    String result = HttpBurst.summary(answers, 1_000_000_000L);
    assertThat(result)
        .startsWith("RESULT requests=8 wall_s=1.000 p50_ms=")
        .contains(" p90_ms=", " p99_ms=", " max_ms=")
        .contains(" status=0=2 ", " status=200=5 ", " status=503=1 ")
        .contains(" strategy=formula=2 ", " strategy=llm=3\n")
        .contains(" fallbackReason=none=6 ", " fallbackReason=timeout=1 ")
        // the reason's newline shown as '?': the RESULT line stays one line
        .contains(" fallbackReason=over_capacity: \"256\" calls?in flight é=1 ")
        .contains(" error=EOFException=1 ", " error=timeout=1")
        .endsWith("\n");
  }

  @Test
  void reusesKeptAliveConnectionsWithEveryRequestOfABurstInFlightTogether() throws Exception {
    for (int round = 0; round < 2; round++) {
      server.gate = new CountDownLatch(4);
      List<Answer> answers = burst("gate-1", "gate-2", "gate-3", "gate-4");
      for (Answer a : answers) {
        assertAnswered(a, 200, "together", null);
      }
    }
    assertThat(client.connectionsOpened()).isEqualTo(4);
    assertThat(server.accepted.get()).isEqualTo(4);

    // Two answers say Connection: close; their connections are replaced, the other two reused.
    assertThat(burst("last-1", "last-2")).allSatisfy(a -> assertAnswered(a, 200, "formula", null));
    server.gate = new CountDownLatch(4);
    assertThat(burst("gate-1", "gate-2", "gate-3", "gate-4")).allSatisfy(a -> assertAnswered(a, 200, "together", null));
    assertThat(client.connectionsOpened()).isEqualTo(6);
    assertThat(server.accepted.get()).isEqualTo(6);
  }

  @Test
  void opensANewConnectionWhereTheServerClosedAnIdleOne() throws Exception {
    assertThat(burst("thenclose-1")).allSatisfy(a -> assertAnswered(a, 200, "llm", null));
    assertThat(server.closedAfterAnswer.await(20, TimeUnit.SECONDS)).isTrue();

    assertThat(burst("length-1")).allSatisfy(a -> assertAnswered(a, 200, "llm", null));
    assertThat(server.accepted.get()).isEqualTo(2);
  }

  @Test
  void reportsAConnectionRefused() throws Exception {
    // A port that was listening a moment ago and is closed now. (Not the test server's: a socket
    // closed while its thread is blocked in accept() may keep listening until that thread wakes,
    // and the connection then waits in its backlog instead of being refused.)
    int port;
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = listening.getLocalPort();
    }
    try (NioBurst refused = new NioBurst(new HttpBurst.Target("127.0.0.1", port, "").address())) {
      List<Answer> answers = HttpBurst.burst(refused, requests("length-1"), TIMEOUT);
      assertThat(answers.get(0).status()).isZero();
      assertThat(answers.get(0).error()).isEqualTo("ConnectException");
    }
  }

  @Test
  void serialisesEachRequestWhole() {
    byte[] document = "{\"sessionId\":\"s 1/é\",\"x\":1}".getBytes(StandardCharsets.UTF_8);
    byte[][] requests =
        HttpBurst.requests(HttpBurst.Target.of("http://127.0.0.1:18080/base/"), "KEY", "llm", new byte[][] {document});

    assertThat(new String(requests[0], StandardCharsets.UTF_8))
        .isEqualTo(
            "POST /base/v1/sessions/s%201%2F%C3%A9/generate?strategy=llm HTTP/1.1\r\n"
                + "Host: 127.0.0.1:18080\r\n"
                + "Authorization: Bearer KEY\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + document.length + "\r\n"
                + "\r\n"
                + "{\"sessionId\":\"s 1/é\",\"x\":1}");
  }

  @Test
  void refusesHttps() {
    assertThatThrownBy(() -> HttpBurst.Target.of("https://127.0.0.1:18443"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https is not supported");
  }

  @Test
  void readsTheFieldsOfA200BodyWhateverTheirPlaceAndForm() {
    assertThat(fields("{\"jit_strategy\":\"llm\",\"fallbackReason\":null}")).containsExactly("llm", null);
    assertThat(fields("{\"jit_strategy\":\"formula\"}")).containsExactly("formula", null);
    assertThat(fields("{\"comparison\":{\"jit_strategy\":\"x\",\"fallbackReason\":\"y\"},\"a\":[{\"fallbackReason\":1}],"
            + "\"fallbackReason\":\"say \\\"no\\\"\\u00e9\\\\\",\"jit_strategy\":\"formula\"}"))
        .containsExactly("formula", "say \"no\"é\\");
    assertThat(answerOf(200, "[1]").error()).isEqualTo("unreadable body");
    assertThat(answerOf(200, "{\"jit_strategy\":\"llm\"").error()).isEqualTo("unreadable body");
    assertThat(answerOf(200, "{\"jit_strategy\":\"llm\"} {}").error()).isEqualTo("unreadable body");
    assertThat(answerOf(404, "{\"jit_strategy\":\"llm\"}")).isEqualTo(new Answer(404, null, null, null, 7));
    // Only the body's first bodyLength bytes count (the reader's array is larger).
    byte[] longer = bytes("{\"jit_strategy\":\"llm\"}garbage");
    assertThat(HttpBurst.answer(200, longer, 22, 7)).isEqualTo(new Answer(200, "llm", null, null, 7));
  }

  private static Answer answerOf(int status, String body) {
    byte[] b = bytes(body);
    return HttpBurst.answer(status, b, b.length, 7);
  }

  private static String[] fields(String body) {
    Answer a = answerOf(200, body);
    assertThat(a.error()).isNull();
    return new String[] {a.strategy(), a.fallbackReason()};
  }

  private static void assertAnswered(Answer a, int status, String strategy, String fallbackReason) {
    assertThat(a.error()).as("error of %s", a).isNull();
    assertThat(a.status()).isEqualTo(status);
    assertThat(a.strategy()).isEqualTo(strategy);
    assertThat(a.fallbackReason()).isEqualTo(fallbackReason);
    assertThat(a.nanos()).isPositive();
  }

  private List<Answer> burst(String... ids) throws IOException {
    return HttpBurst.burst(client, requests(ids), NEVER);
  }

  private byte[][] requests(String... ids) {
    byte[][] documents = new byte[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      documents[i] = bytes("{\"sessionId\":\"" + ids[i] + "\",\"padding\":\"" + "x".repeat(5000) + "\"}");
    }
    return HttpBurst.requests(HttpBurst.Target.of("http://127.0.0.1:" + server.port()), "KEY", "llm", documents);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** One thread per connection; answers each request as the first part of its session id says. */
  private static final class FakeServer implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    final ExecutorService threads = Executors.newCachedThreadPool();
    final List<Socket> connections = new CopyOnWriteArrayList<>();
    final AtomicInteger accepted = new AtomicInteger();
    final CountDownLatch slowClosed = new CountDownLatch(1);
    final CountDownLatch closedAfterAnswer = new CountDownLatch(1);
    volatile CountDownLatch gate = new CountDownLatch(0);

    FakeServer() throws IOException {
      threads.submit(this::accept);
    }

    int port() {
      return socket.getLocalPort();
    }

    private void accept() {
      while (!socket.isClosed()) {
        try {
          Socket s = socket.accept();
          accepted.incrementAndGet();
          connections.add(s);
          threads.submit(() -> serve(s));
        } catch (IOException e) {
          return; // closed
        }
      }
    }

    private void serve(Socket s) {
      try (s) {
        s.setTcpNoDelay(true);
        s.setSoTimeout(20_000); // every wait of the fake is bounded
        InputStream in = new BufferedInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        String path;
        while ((path = readRequest(in)) != null) {
          String id = path.substring("/v1/sessions/".length(), path.indexOf("/generate"));
          if (!answer(id.substring(0, id.indexOf('-')), in, out)) {
            return;
          }
        }
      } catch (IOException e) {
        // the client went away
      }
    }

    /** Answers one request; false when the connection is to be closed. */
    private boolean answer(String kind, InputStream in, OutputStream out) throws IOException {
      switch (kind) {
        case "length" -> {
          write(out, withLength("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n",
              "{\"jit_strategy\":\"llm\",\"fallbackReason\":null,\"comparison\":{\"jit_strategy\":\"formula\",\"fallbackReason\":\"nested\"}}"));
          return true;
        }
        case "chunked" -> {
          String body = "{\"fallbackReason\":\"over_capacity: \\\"256\\\" calls\\nin flight \\u00e9\",\"confidence\":0.5,\"jit_strategy\":\"formula\"}";
          StringBuilder response = new StringBuilder("HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\nDate: today\r\n\r\n");
          for (int i = 0; i < body.length(); i += 7) {
            String chunk = body.substring(i, Math.min(body.length(), i + 7));
            response.append(Integer.toHexString(chunk.length())).append(i == 0 ? ";ext=1" : "").append("\r\n").append(chunk).append("\r\n");
          }
          write(out, response.append("0\r\nX-Trailer: t\r\n\r\n").toString());
          return true;
        }
        case "split" -> {
          byte[] response = bytes(withLength("HTTP/1.1 200 OK\r\nCONTENT-type: application/json\r\nconnection: Keep-Alive\r\n",
              "{\"rationale\":[\"a\",\"b\"],\"jit_strategy\":\"llm\"}").replace("Content-Length", "CONTENT-LENGTH"));
          for (int i = 0; i < response.length; i += 5) {
            out.write(response, i, Math.min(5, response.length - i));
            out.flush();
            sleep(1);
          }
          return true;
        }
        case "slow" -> {
          // Never answers: waits for the client to give up and close.
          try {
            if (in.read() < 0) {
              slowClosed.countDown();
            }
          } catch (SocketTimeoutException e) {
            // the test's own bound; slowClosed stays up and the test fails
          }
          return false;
        }
        case "unavailable" -> {
          write(out, withLength("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n", "{\"error\":\"busy\"}"));
          return true;
        }
        case "close" -> {
          return false;
        }
        case "untilclose" -> {
          write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{\"jit_strategy\":\"formula\",\"fallbackReason\":\"timeout\"}");
          return false;
        }
        case "last" -> {
          write(out, withLength("HTTP/1.1 200 OK\r\nConnection: close\r\n", "{\"jit_strategy\":\"formula\"}"));
          return false;
        }
        case "thenclose" -> {
          write(out, withLength("HTTP/1.1 200 OK\r\n", "{\"jit_strategy\":\"llm\"}"));
          sleep(50);
          closedAfterAnswer.countDown();
          return false;
        }
        case "gate" -> {
          CountDownLatch all = gate;
          all.countDown();
          boolean together;
          try {
            together = all.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
          write(out, withLength("HTTP/1.1 200 OK\r\n", "{\"jit_strategy\":\"" + (together ? "together" : "apart") + "\"}"));
          return true;
        }
        default -> throw new IllegalArgumentException(kind);
      }
    }

    /** The path of the next request once its head and body are read; null at the end. */
    private static String readRequest(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          return null;
        }
        head.write(b);
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String[] lines = head.toString(StandardCharsets.UTF_8).split("\r\n");
      int length = 0;
      for (String line : lines) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
        }
      }
      if (in.readNBytes(length).length != length) {
        return null;
      }
      return lines[0].split(" ")[1];
    }

    private static String withLength(String head, String body) {
      return head + "Content-Length: " + bytes(body).length + "\r\n\r\n" + body;
    }

    private static void write(OutputStream out, String response) throws IOException {
      out.write(bytes(response));
      out.flush();
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : connections) {
        s.close();
      }
      threads.shutdownNow();
    }
  }
}

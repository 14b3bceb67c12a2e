package dev.parakeet.jit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parakeet.jit.store.Backend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits on the wire (SPEC §10.4), with a raw socket so the test controls every byte sent. */
class LimitsTest {

  @TempDir Path tempDir;

  private static String head(TestServer server, String contentLength) {
    return "POST /v1/sessions/big/generate HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
        + "Authorization: Bearer " + TestServer.SERVICE_KEY + "\r\nContent-Type: application/json\r\n"
        + contentLength + "\r\n";
  }

  @Test
  void aDeclaredBodyOverTheLimitIs413BeforeItIsSent() throws IOException {
    try (TestServer server = TestServer.start(Backend.SQLITE, tempDir, TestServer.securedEnv());
        Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      // Announce 50 MiB, send one kilobyte, then wait: the answer must not need the rest.
      out.write(head(server, "Content-Length: " + (50L << 20) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write("{\"sessionId\":\"big\",".repeat(50).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = readUntilClosed(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("1 MiB");
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIs413AndTheConnectionCloses() throws IOException {
    try (TestServer server = TestServer.start(Backend.SQLITE, tempDir, TestServer.securedEnv());
        Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head(server, "Transfer-Encoding: chunked\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      String response = null;
      try {
        for (int i = 0; i < 40; i++) { // 2.5 MiB at most, never the end of the body
          out.write(chunk);
        }
        out.flush();
      } catch (SocketException closedWhileSending) {
        // The server may close before the client finishes sending: that is the point.
      }
      response = readUntilClosed(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 413");
    }
  }

  @Test
  void replayAnswersALineBeforeTheNextLineIsSent() throws IOException {
    try (TestServer server = TestServer.start(Backend.SQLITE, tempDir, TestServer.securedEnv());
        Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/replay?store=false HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
          + "Authorization: Bearer " + TestServer.SERVICE_KEY + "\r\nContent-Type: application/x-ndjson\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(chunk(Inputs.of("stream-1") + "\n"));
      out.flush();
      // Replay flushes only when it would wait: here it waits for the client's next line, so the
      // first answer must arrive while the body is still open (else the read times out).
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream seen = new ByteArrayOutputStream();
      while (!seen.toString(StandardCharsets.UTF_8).contains("stream-1")) {
        int b = in.read();
        assertThat(b).as("the stream ended before the first answer").isNotEqualTo(-1);
        seen.write(b);
      }
      assertThat(seen.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200").doesNotContain("stream-2");
      out.write(chunk(Inputs.of("stream-2") + "\n"));
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      while (!seen.toString(StandardCharsets.UTF_8).contains("stream-2")) {
        int b = in.read();
        assertThat(b).as("the stream ended before the second answer").isNotEqualTo(-1);
        seen.write(b);
      }
    }
  }

  private static byte[] chunk(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    chunk.writeBytes((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    chunk.writeBytes(bytes);
    chunk.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return chunk.toByteArray();
  }

  @Test
  void aClientSendingItsBodySlowlyIsCutOffAtTheBodyTimeout() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(TestServer.securedEnv());
    env.put("PARAKEET_HTTP_BODY_TIMEOUT_MS", "700");
    try (TestServer server = TestServer.start(Backend.SQLITE, tempDir, env);
        Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(200);
      OutputStream out = socket.getOutputStream();
      out.write(head(server, "Content-Length: 400\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      boolean closed = false;
      int sent = 0;
      // One byte every 100 ms: never idle long enough for the idle timeout, far too slow for the body
      // timeout. At most 100 of the 400 bytes are ever sent, so a close can only be the timeout's.
      for (int i = 0; i < 100 && !closed; i++) {
        try {
          out.write('{');
          out.flush();
          sent++;
          closed = socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
          // nothing yet
        } catch (SocketException reset) {
          closed = true;
        }
      }
      assertThat(closed).as("the server closed the connection before the body was complete").isTrue();
      assertThat(sent).as("the body was never complete").isLessThan(400);
      assertThat(server.service().get("/v1/sessions/big").status()).isEqualTo(404);
    }
  }

  private static String readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) != -1) {
        response.write(buffer, 0, n);
        String text = response.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end >= 0 && text.contains("Content-Length: ")) {
          int length = Integer.parseInt(text.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
          if (response.size() >= end + 4 + length) {
            break;
          }
        }
      }
    } catch (SocketException reset) {
      // Closed by the server after its answer.
    }
    return response.toString(StandardCharsets.UTF_8);
  }
}

package dev.parakeet.jit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The response reader fed whole, one byte at a time, and in every two-piece split. */
class HttpResponseReaderTest {

  @Test
  void readsAChunkedBodyWithExtensionsAndTrailersWhereverItIsSplit() throws Exception {
    String response =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: CHUNKED\r\n\r\n"
            + "4;name=value\r\n{\"a\"\r\nA\r\n:\"0123456\"\r\n1 \r\n}\r\n0\r\nX-Checksum: 1\r\n\r\n";
    // The last coding frames the body; one this client cannot undo is refused, not misread.
    assertThatThrownBy(() -> whole(response.replace("CHUNKED", "chunked, gzip"))).isInstanceOf(ProtocolException.class);

    for (HttpResponseReader r : everySplit(response)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(body(r)).isEqualTo("{\"a\":\"0123456\"}");
      assertThat(r.keepAlive()).isTrue();
    }
  }

  @Test
  void readsAContentLengthBodyAndLeavesWhatFollowsIt() throws Exception {
    String response = "HTTP/1.1 200 OK\r\ncontent-LENGTH:  5 \r\nConnection: keep-alive, Upgrade\r\n\r\nhelloEXTRA";
    for (HttpResponseReader r : everySplit(response.substring(0, response.length() - 5))) {
      assertThat(body(r)).isEqualTo("hello");
      assertThat(r.keepAlive()).isTrue();
    }
    HttpResponseReader r = new HttpResponseReader();
    r.reset(200);
    ByteBuffer in = ByteBuffer.wrap(bytes(response));
    assertThat(r.read(in)).isTrue();
    assertThat(in.remaining()).isEqualTo(5);
  }

  @Test
  void keepsNoBodyOfAnotherStatusAndSkipsInterimAnswers() throws Exception {
    for (HttpResponseReader r :
        everySplit("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy")) {
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.bodyLength()).isZero();
      assertThat(r.keepAlive()).isTrue();
    }
    HttpResponseReader noContent = whole("HTTP/1.1 204 No Content\r\n\r\n");
    assertThat(noContent.status()).isEqualTo(204);
    assertThat(noContent.keepAlive()).isTrue();
  }

  @Test
  void knowsWhenTheConnectionEnds() throws Exception {
    assertThat(whole("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 2\r\n\r\n{}").keepAlive()).isFalse();
    assertThat(whole("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}").keepAlive()).isFalse();
    assertThat(whole("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n{}").keepAlive()).isTrue();

    // No length and not chunked: the body runs to the connection's end.
    HttpResponseReader r = new HttpResponseReader();
    r.reset(200);
    assertThat(r.read(ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\n\r\n{\"x\":")))).isFalse();
    assertThat(r.read(ByteBuffer.wrap(bytes("1}")))).isFalse();
    assertThat(r.endOfStream()).isTrue();
    assertThat(body(r)).isEqualTo("{\"x\":1}");
    assertThat(r.keepAlive()).isFalse();

    // A length not reached is not a whole answer.
    HttpResponseReader cut = new HttpResponseReader();
    cut.reset(200);
    assertThat(cut.read(ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n{}")))).isFalse();
    assertThat(cut.started()).isTrue();
    assertThat(cut.endOfStream()).isFalse();
  }

  @Test
  void refusesWhatIsNotHttp() {
    assertThatThrownBy(() -> whole("SSH-2.0-OpenSSH\r\n\r\n")).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> whole("HTTP/1.1 2x0 OK\r\n\r\n")).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> whole("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> whole("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> whole("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> whole("HTTP/1.1 200 OK\r\nX: " + "y".repeat(20_000) + "\r\n\r\n"))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void isReusedForTheNextExchange() throws Exception {
    HttpResponseReader r = whole("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"first\":1}");
    r.reset(200);
    assertThat(r.started()).isFalse();
    assertThat(r.read(ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")))).isTrue();
    assertThat(body(r)).isEqualTo("{}");
  }

  /** The response fed whole, byte by byte, and split in two at every position: each reader done. */
  private static HttpResponseReader[] everySplit(String response) throws ProtocolException {
    byte[] bytes = bytes(response);
    HttpResponseReader[] readers = new HttpResponseReader[bytes.length + 1];
    for (int cut = 0; cut < bytes.length; cut++) {
      HttpResponseReader r = new HttpResponseReader();
      r.reset(200);
      boolean first = r.read(ByteBuffer.wrap(bytes, 0, cut));
      assertThat(first).as("done after %d of %d bytes", cut, bytes.length).isFalse();
      assertThat(r.read(ByteBuffer.wrap(bytes, cut, bytes.length - cut))).isTrue();
      readers[cut] = r;
    }
    HttpResponseReader single = new HttpResponseReader();
    single.reset(200);
    for (int i = 0; i < bytes.length; i++) {
      assertThat(single.read(ByteBuffer.wrap(bytes, i, 1))).isEqualTo(i == bytes.length - 1);
    }
    readers[bytes.length] = single;
    return readers;
  }

  private static HttpResponseReader whole(String response) throws ProtocolException {
    HttpResponseReader r = new HttpResponseReader();
    r.reset(200);
    ByteBuffer in = ByteBuffer.wrap(bytes(response));
    assertThat(r.read(in)).isTrue();
    assertThat(in.hasRemaining()).isFalse();
    return r;
  }

  private static String body(HttpResponseReader r) {
    return new String(r.body(), 0, r.bodyLength(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

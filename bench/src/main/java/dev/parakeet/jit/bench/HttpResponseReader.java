package dev.parakeet.jit.bench;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads one HTTP/1.1 response from bytes as they arrive, split anywhere: the status line, the
 * headers (names in any case), then a body framed by {@code Content-Length}, by {@code
 * Transfer-Encoding: chunked} or by the end of the connection. Keeps the body only when asked to
 * (the load client reads only its 200 answers). One reader per connection, reset per exchange.
 */
final class HttpResponseReader {

  private static final int STATUS_LINE = 0;
  private static final int HEADER_LINE = 1;
  private static final int FIXED_BODY = 2;
  private static final int CHUNK_SIZE = 3;
  private static final int CHUNK_DATA = 4;
  private static final int CHUNK_END = 5;
  private static final int TRAILER_LINE = 6;
  private static final int BODY_UNTIL_CLOSE = 7;
  private static final int DONE = 8;

  /** Longer status, header or chunk-size lines are refused, not buffered without end. */
  private static final int MAX_LINE = 16 * 1024;

  private final byte[] line = new byte[MAX_LINE];
  private int lineLength;
  private int state;
  private boolean started;
  private int status;
  private boolean http10;
  private boolean closeAsked;
  private boolean keepAliveAsked;
  private boolean chunked;
  private long contentLength;
  private long remaining;
  private int keepBodyOfStatus;
  private byte[] body = new byte[0];
  private int bodyLength;

  /** Starts a new exchange; the body is kept when the status is {@code keepBodyOfStatus}. */
  void reset(int keepBodyOfStatus) {
    this.keepBodyOfStatus = keepBodyOfStatus;
    state = STATUS_LINE;
    lineLength = 0;
    started = false;
    resetHead();
  }

  private void resetHead() {
    status = 0;
    http10 = false;
    closeAsked = false;
    keepAliveAsked = false;
    chunked = false;
    contentLength = -1;
    remaining = 0;
    bodyLength = 0;
  }

  /**
   * Consumes bytes of {@code in} up to the end of the response.
   *
   * @return whether the response is complete (any bytes after it stay in {@code in})
   */
  boolean read(ByteBuffer in) throws ProtocolException {
    if (in.hasRemaining()) {
      started = true;
    }
    while (state != DONE && in.hasRemaining()) {
      switch (state) {
        case FIXED_BODY, CHUNK_DATA, BODY_UNTIL_CLOSE -> body(in);
        default -> {
          if (line(in)) {
            onLine();
          }
        }
      }
    }
    return state == DONE;
  }

  /**
   * The connection has ended.
   *
   * @return whether that completes the response (a body that runs to the connection's end)
   */
  boolean endOfStream() {
    if (state == BODY_UNTIL_CLOSE) {
      state = DONE;
    }
    return state == DONE;
  }

  /** Whether any byte of this exchange's response has arrived. */
  boolean started() {
    return started;
  }

  int status() {
    return status;
  }

  /** Whether the connection may carry another exchange after this response. */
  boolean keepAlive() {
    return state == DONE && !closeAsked && (!http10 || keepAliveAsked) && (chunked || contentLength >= 0 || noBody());
  }

  /** The kept body (valid up to {@link #bodyLength()}), or an empty array. */
  byte[] body() {
    return body;
  }

  int bodyLength() {
    return bodyLength;
  }

  private void body(ByteBuffer in) {
    int n = state == BODY_UNTIL_CLOSE ? in.remaining() : (int) Math.min(remaining, in.remaining());
    if (status == keepBodyOfStatus) {
      if (bodyLength + n > body.length) {
        body = Arrays.copyOf(body, Math.max(bodyLength + n, Math.max(4096, body.length * 2)));
      }
      in.get(body, bodyLength, n);
      bodyLength += n;
    } else {
      in.position(in.position() + n);
    }
    if (state == BODY_UNTIL_CLOSE) {
      return;
    }
    remaining -= n;
    if (remaining == 0) {
      state = state == FIXED_BODY ? DONE : CHUNK_END;
    }
  }

  /** Adds bytes to the current line up to its LF; true when the line is complete (CR stripped). */
  private boolean line(ByteBuffer in) throws ProtocolException {
    while (in.hasRemaining()) {
      byte b = in.get();
      if (b == '\n') {
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
          lineLength--;
        }
        return true;
      }
      if (lineLength == MAX_LINE) {
        throw new ProtocolException("a response line longer than " + MAX_LINE + " bytes");
      }
      line[lineLength++] = b;
    }
    return false;
  }

  private void onLine() throws ProtocolException {
    int length = lineLength;
    lineLength = 0;
    switch (state) {
      case STATUS_LINE -> statusLine(length);
      case HEADER_LINE -> {
        if (length == 0) {
          endOfHead();
        } else {
          header(length);
        }
      }
      case CHUNK_SIZE -> {
        long size = chunkSize(length);
        if (size == 0) {
          state = TRAILER_LINE;
        } else {
          remaining = size;
          state = CHUNK_DATA;
        }
      }
      case CHUNK_END -> {
        if (length != 0) {
          throw new ProtocolException("a chunk not followed by CRLF");
        }
        state = CHUNK_SIZE;
      }
      case TRAILER_LINE -> {
        if (length == 0) {
          state = DONE;
        }
      }
      default -> throw new IllegalStateException("no line expected in state " + state);
    }
  }

  /** {@code HTTP/1.1 200 OK}: the version and the three-digit code. */
  private void statusLine(int length) throws ProtocolException {
    if (length < 12 || !startsWith(0, length, "HTTP/1.") || line[8] != ' ') {
      throw new ProtocolException("not an HTTP/1.x status line: " + printable(0, length));
    }
    http10 = line[7] == '0';
    int code = 0;
    for (int i = 9; i < 12; i++) {
      if (line[i] < '0' || line[i] > '9') {
        throw new ProtocolException("not a status code: " + printable(0, length));
      }
      code = code * 10 + (line[i] - '0');
    }
    if (length > 12 && line[12] != ' ') {
      throw new ProtocolException("not a status code: " + printable(0, length));
    }
    status = code;
    state = HEADER_LINE;
  }

  private void header(int length) throws ProtocolException {
    if (line[0] == ' ' || line[0] == '\t') {
      return; // an obsolete folded continuation: none of the headers read here is folded
    }
    int colon = indexOf(':', 0, length);
    if (colon <= 0) {
      throw new ProtocolException("a header without a name: " + printable(0, length));
    }
    int from = colon + 1;
    int to = length;
    while (from < to && (line[from] == ' ' || line[from] == '\t')) {
      from++;
    }
    while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
      to--;
    }
    if (nameIs(colon, "content-length")) {
      long value = decimal(from, to);
      if (contentLength >= 0 && contentLength != value) {
        throw new ProtocolException("two different Content-Length headers");
      }
      contentLength = value;
    } else if (nameIs(colon, "transfer-encoding")) {
      // The last coding decides the framing (RFC 9112 6.3); a list may span several headers.
      int last = lastIndexOf(',', from, to) + 1;
      while (last < to && (line[last] == ' ' || line[last] == '\t')) {
        last++;
      }
      chunked = to - last == 7 && regionIgnoringCase(last, "chunked");
      if (!chunked) {
        throw new ProtocolException("a transfer coding this client does not read: " + printable(0, length));
      }
    } else if (nameIs(colon, "connection")) {
      for (int token = from; token < to; ) {
        int end = indexOf(',', token, to);
        int a = token;
        int b = end;
        while (a < b && (line[a] == ' ' || line[a] == '\t')) {
          a++;
        }
        while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t')) {
          b--;
        }
        if (b - a == 5 && regionIgnoringCase(a, "close")) {
          closeAsked = true;
        } else if (b - a == 10 && regionIgnoringCase(a, "keep-alive")) {
          keepAliveAsked = true;
        }
        token = end + 1;
      }
    }
  }

  private void endOfHead() {
    if (status >= 100 && status < 200 && status != 101) {
      // An interim answer (100 Continue, 103 Early Hints): the real one follows.
      resetHead();
      state = STATUS_LINE;
      return;
    }
    if (noBody()) {
      state = DONE;
    } else if (chunked) {
      state = CHUNK_SIZE;
    } else if (contentLength >= 0) {
      remaining = contentLength;
      state = contentLength == 0 ? DONE : FIXED_BODY;
    } else {
      state = BODY_UNTIL_CLOSE;
    }
  }

  private boolean noBody() {
    return status == 204 || status == 304 || (status >= 100 && status < 200);
  }

  /** A chunk-size line: hexadecimal digits, then optionally {@code ;extensions}. */
  private long chunkSize(int length) throws ProtocolException {
    long size = 0;
    int i = 0;
    for (; i < length; i++) {
      int digit = Character.digit(line[i], 16);
      if (digit < 0) {
        break;
      }
      if (size > (Long.MAX_VALUE >> 4)) {
        throw new ProtocolException("a chunk size too large");
      }
      size = size * 16 + digit;
    }
    if (i == 0 || (i < length && line[i] != ';' && line[i] != ' ' && line[i] != '\t')) {
      throw new ProtocolException("not a chunk size: " + printable(0, length));
    }
    return size;
  }

  private long decimal(int from, int to) throws ProtocolException {
    if (from == to || to - from > 18) {
      throw new ProtocolException("not a Content-Length: " + printable(from, to));
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      if (line[i] < '0' || line[i] > '9') {
        throw new ProtocolException("not a Content-Length: " + printable(from, to));
      }
      value = value * 10 + (line[i] - '0');
    }
    return value;
  }

  private boolean nameIs(int nameLength, String lowerCase) {
    return nameLength == lowerCase.length() && regionIgnoringCase(0, lowerCase);
  }

  /** ASCII case-insensitive match of {@code lowerCase} at {@code from}. */
  private boolean regionIgnoringCase(int from, String lowerCase) {
    for (int i = 0; i < lowerCase.length(); i++) {
      int c = line[from + i];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != lowerCase.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean startsWith(int from, int length, String prefix) {
    if (length - from < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (line[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (line[i] == c) {
        return i;
      }
    }
    return to;
  }

  private int lastIndexOf(char c, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (line[i] == c) {
        return i;
      }
    }
    return from - 1;
  }

  /** The line for an error message, control characters and non-ASCII shown as '?'. */
  private String printable(int from, int to) {
    int end = Math.min(to, from + 200);
    StringBuilder out = new StringBuilder(end - from);
    for (int i = from; i < end; i++) {
      out.append(line[i] >= 0x20 && line[i] < 0x7f ? (char) line[i] : '?');
    }
    return out.toString();
  }
}

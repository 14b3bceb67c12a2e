package dev.parakeet.jit.fakes;

import dev.parakeet.jit.fakes.HttpInput.BadRequestException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads one HTTP/1.x request: request line, headers, and a Content-Length or chunked body. */
final class HttpRequestReader {

  static final int MAX_LINE = 64 * 1024;
  static final int MAX_HEADERS = 200;
  static final int MAX_BODY = 32 * 1024 * 1024;

  /** A request as read off the wire. */
  record RawRequest(
      String method, String target, String version, Map<String, String> headers, byte[] body) {

    /** Whether the connection must be closed after the response. */
    boolean wantsClose() {
      String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
      if ("HTTP/1.0".equals(version)) {
        return !hasToken(connection, "keep-alive");
      }
      return hasToken(connection, "close");
    }
  }

  private HttpRequestReader() {}

  /**
   * The next request on the connection, or {@code null} if the client closed the connection
   * before sending one. Answers {@code Expect: 100-continue} before reading the body.
   *
   * @throws BadRequestException when the request cannot be parsed
   * @throws EOFException when the client closed the connection in the middle of a request
   */
  static RawRequest read(HttpInput in, OutputStream out) throws IOException {
    String line;
    do {
      line = in.readLine(MAX_LINE);
      if (line == null) {
        return null;
      }
    } while (line.isEmpty()); // RFC 9112 §2.2: ignore empty lines before the request line

    String[] parts = line.split(" ", -1);
    if (parts.length != 3
        || parts[0].isEmpty()
        || parts[1].isEmpty()
        || !(parts[2].equals("HTTP/1.1") || parts[2].equals("HTTP/1.0"))) {
      throw new BadRequestException("malformed request line");
    }

    Map<String, String> headers = new LinkedHashMap<>();
    String lastName = null;
    int count = 0;
    while (true) {
      String h = in.readLine(MAX_LINE);
      if (h == null) {
        throw new EOFException("connection closed in the headers");
      }
      if (h.isEmpty()) {
        break;
      }
      if (++count > MAX_HEADERS) {
        throw new BadRequestException("too many headers");
      }
      if ((h.charAt(0) == ' ' || h.charAt(0) == '\t') && lastName != null) {
        headers.merge(lastName, h.trim(), (a, b) -> a + " " + b); // obsolete line folding
        continue;
      }
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new BadRequestException("malformed header line");
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      headers.merge(name, value, (a, b) -> a + ", " + b);
      lastName = name;
    }

    String expect = headers.get("expect");
    if (expect != null && expect.equalsIgnoreCase("100-continue") && "HTTP/1.1".equals(parts[2])) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    byte[] body;
    String te = headers.get("transfer-encoding");
    if (te != null && hasToken(te.toLowerCase(Locale.ROOT), "chunked")) {
      body = readChunked(in);
    } else if (headers.containsKey("content-length")) {
      body = in.readExactly(contentLength(headers.get("content-length")));
    } else {
      body = new byte[0];
    }
    return new RawRequest(parts[0], parts[1], parts[2], headers, body);
  }

  private static int contentLength(String value) throws BadRequestException {
    // Repeated headers were joined with ", "; identical repeats are allowed (RFC 9110 §8.6).
    String first = null;
    for (String v : value.split(",")) {
      String t = v.trim();
      if (first == null) {
        first = t;
      } else if (!first.equals(t)) {
        throw new BadRequestException("conflicting Content-Length values");
      }
    }
    try {
      long n = Long.parseLong(first);
      if (n < 0 || n > MAX_BODY) {
        throw new BadRequestException("unsupported Content-Length " + n);
      }
      return (int) n;
    } catch (NumberFormatException e) {
      throw new BadRequestException("malformed Content-Length");
    }
  }

  private static byte[] readChunked(HttpInput in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = in.readLine(MAX_LINE);
      if (sizeLine == null) {
        throw new EOFException("connection closed before a chunk");
      }
      int semi = sizeLine.indexOf(';'); // chunk extensions are ignored
      String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new BadRequestException("malformed chunk size");
      }
      if (size < 0 || body.size() + (long) size > MAX_BODY) {
        throw new BadRequestException("chunked body too large");
      }
      if (size == 0) {
        break;
      }
      body.write(in.readExactly(size));
      String crlf = in.readLine(MAX_LINE);
      if (crlf == null || !crlf.isEmpty()) {
        throw new BadRequestException("missing CRLF after chunk data");
      }
    }
    while (true) { // trailer section
      String trailer = in.readLine(MAX_LINE);
      if (trailer == null) {
        throw new EOFException("connection closed in the chunked trailer");
      }
      if (trailer.isEmpty()) {
        return body.toByteArray();
      }
    }
  }

  static boolean hasToken(String commaList, String token) {
    for (String t : commaList.split(",")) {
      if (t.trim().equals(token)) {
        return true;
      }
    }
    return false;
  }
}

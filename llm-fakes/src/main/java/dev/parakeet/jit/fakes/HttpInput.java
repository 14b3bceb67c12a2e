package dev.parakeet.jit.fakes;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * Buffered reading from one socket, with a way to wait for the peer's close without losing
 * bytes that arrive meanwhile (a pipelined next request stays in the buffer).
 */
final class HttpInput {

  /** Bytes held while waiting; beyond this a client is misbehaving. */
  private static final int MAX_BUFFER = 16 * 1024 * 1024;

  private final Socket socket;
  private final InputStream in;
  private byte[] buf = new byte[16 * 1024];
  private int pos;
  private int lim;
  private boolean eof;

  HttpInput(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  /** One byte, or -1 at end of stream. */
  int read() throws IOException {
    if (pos == lim && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xFF;
  }

  /**
   * A line terminated by LF (a preceding CR is dropped), decoded as ISO-8859-1; {@code null} if
   * the stream ended before the first byte of the line.
   */
  String readLine(int maxLength) throws IOException {
    StringBuilder sb = new StringBuilder();
    boolean any = false;
    while (true) {
      int b = read();
      if (b < 0) {
        if (!any) {
          return null;
        }
        throw new EOFException("connection closed in the middle of a line");
      }
      any = true;
      if (b == '\n') {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
          sb.setLength(len - 1);
        }
        return sb.toString();
      }
      if (sb.length() >= maxLength) {
        throw new BadRequestException("line too long");
      }
      sb.append((char) b);
    }
  }

  /** Exactly {@code n} bytes. */
  byte[] readExactly(int n) throws IOException {
    byte[] out = new byte[n];
    int off = 0;
    while (off < n) {
      if (pos == lim && !fill()) {
        throw new EOFException("connection closed after " + off + " of " + n + " body bytes");
      }
      int k = Math.min(n - off, lim - pos);
      System.arraycopy(buf, pos, out, off, k);
      pos += k;
      off += k;
    }
    return out;
  }

  /**
   * Waits until the peer closes its end (returns {@code true}) or until {@code deadlineNanos}
   * ({@link System#nanoTime()} based) passes (returns {@code false}). With {@code forever}, the
   * deadline is ignored. Bytes that arrive meanwhile are kept for later reads.
   *
   * @throws IOException on a connection reset (the peer is gone) or when this side closed the
   *     socket (server shutdown)
   */
  boolean awaitPeerClose(long deadlineNanos, boolean forever) throws IOException {
    try {
      while (true) {
        if (eof) {
          return true;
        }
        int timeoutMillis = 0;
        if (!forever) {
          long remaining = deadlineNanos - System.nanoTime();
          if (remaining <= 0) {
            return false;
          }
          long millis = TimeUnit.NANOSECONDS.toMillis(remaining + 999_999);
          timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
        }
        socket.setSoTimeout(timeoutMillis);
        try {
          if (!fill()) {
            return true;
          }
        } catch (SocketTimeoutException e) {
          // the deadline is re-checked above
        }
      }
    } finally {
      try {
        if (!socket.isClosed()) {
          socket.setSoTimeout(0);
        }
      } catch (IOException ignored) {
        // the socket is going away; the next read will say so
      }
    }
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (pos == lim) {
      pos = 0;
      lim = 0;
    } else if (lim == buf.length) {
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
      } else {
        if (buf.length >= MAX_BUFFER) {
          throw new IOException("client sent more than " + MAX_BUFFER + " unread bytes");
        }
        byte[] bigger = new byte[Math.min(MAX_BUFFER, buf.length * 2)];
        System.arraycopy(buf, 0, bigger, 0, lim);
        buf = bigger;
      }
    }
    int n = in.read(buf, lim, buf.length - lim);
    if (n < 0) {
      eof = true;
      return false;
    }
    lim += n;
    return true;
  }

  /** The request cannot be parsed; answered with 400 and the connection closed. */
  static final class BadRequestException extends IOException {
    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
      super(message);
    }
  }
}

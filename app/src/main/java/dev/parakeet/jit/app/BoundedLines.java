package dev.parakeet.jit.app;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Newline-delimited records from a stream, each at most {@code limit} bytes kept. A longer line
 * is consumed to its end and flagged, so one oversized record neither exhausts memory nor stops
 * the batch.
 */
public final class BoundedLines {

  /** One line: its bytes (without the line break), or {@code oversized} with its true length. */
  public record Line(int number, byte[] bytes, boolean oversized, long length) {}

  private final InputStream in;
  private final int limit;
  private int number;
  private boolean ended;

  public BoundedLines(InputStream in, int limit) {
    this.in = new BufferedInputStream(in, 64 * 1024);
    this.limit = limit;
  }

  /** The next line, or null at the end of the stream. */
  public Line next() throws IOException {
    if (ended) {
      return null;
    }
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    long length = 0;
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (length++ < limit) {
        kept.write(b);
      }
    }
    if (b == -1) {
      ended = true;
      if (length == 0) {
        return null;
      }
    }
    number++;
    byte[] bytes = kept.toByteArray();
    if (length <= limit && bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      bytes = Arrays.copyOf(bytes, bytes.length - 1);
    }
    return new Line(number, bytes, length > limit, length);
  }
}

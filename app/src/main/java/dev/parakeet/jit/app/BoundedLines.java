package dev.parakeet.jit.app;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Newline-delimited records from a stream, each at most {@code limit} bytes kept. A longer line
 * is consumed to its end and flagged, so one oversized record neither exhausts memory nor stops
 * the batch. The line terminator — LF, or CRLF — is not part of the record and does not count
 * toward the limit.
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
    // A CR is held back until the next byte says whether it ends the line (CRLF, or CR at the end
    // of the stream) or belongs to the record.
    boolean heldCr = false;
    boolean sawAny = false;
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      sawAny = true;
      if (heldCr) {
        if (length++ < limit) {
          kept.write('\r');
        }
        heldCr = false;
      }
      if (b == '\r') {
        heldCr = true;
        continue;
      }
      if (length++ < limit) {
        kept.write(b);
      }
    }
    if (b == -1) {
      ended = true;
      if (!sawAny) {
        return null;
      }
    }
    number++;
    return new Line(number, kept.toByteArray(), length > limit, length);
  }
}

package dev.parakeet.jit.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Newline-delimited records from a stream, each at most {@code limit} bytes kept. A longer line
 * is consumed to its end and flagged, so one oversized record neither exhausts memory nor stops
 * the batch. The line terminator — LF, or CRLF — is not part of the record and does not count
 * toward the limit.
 *
 * <p>Lines are found by scanning a buffer of its own for the line feed and copied out in one piece
 * (a batch is mostly bytes to move: byte-at-a-time reading cost more than generating the session).
 */
public final class BoundedLines {

  /** One line: its bytes (without the line break), or {@code oversized} with its true length. */
  public record Line(int number, byte[] bytes, boolean oversized, long length) {

    /**
     * Whether the line is only white space ({@link String#isBlank}), deciding on the bytes: a line
     * of a batch starts with its opening brace, so the answer comes from its first byte without
     * decoding the line; past ASCII white space and a non-ASCII byte, the line is decoded to decide.
     * An oversized line is never blank.
     */
    public boolean blank() {
      if (oversized) {
        return false;
      }
      for (byte b : bytes) {
        if (b < 0) {
          return new String(bytes, StandardCharsets.UTF_8).isBlank();
        }
        if (!Character.isWhitespace(b)) {
          return false;
        }
      }
      return true;
    }
  }

  private static final int BUFFER = 64 * 1024;
  private static final byte[] NONE = new byte[0];

  private final InputStream in;
  private final int limit;
  private final byte[] buffer = new byte[BUFFER];
  private int position;
  private int end;
  private int number;
  private boolean ended;
  /** Where {@link #lineBuffered} found the next line feed ({@code end}: none buffered), or -1. */
  private int knownNewline = -1;

  public BoundedLines(InputStream in, int limit) {
    this.in = in;
    this.limit = limit;
  }

  /**
   * Whether {@link #next()} can return without reading from the stream (a whole line is buffered,
   * or the stream has ended): a caller that buffers its own output flushes it when this is false,
   * so that nothing it owes waits on input that may be slow to come.
   */
  public boolean lineBuffered() {
    if (ended) {
      return true;
    }
    if (knownNewline < 0) {
      knownNewline = newlineFrom(position);
    }
    return knownNewline < end;
  }

  /** The index of the first line feed in {@code buffer[from, end)}, or {@code end}. */
  private int newlineFrom(int from) {
    byte[] bytes = buffer;
    int limit = end;
    int i = from;
    while (i < limit && bytes[i] != '\n') {
      i++;
    }
    return i;
  }

  /** The next line, or null at the end of the stream. */
  public Line next() throws IOException {
    if (ended && position >= end) {
      return null;
    }
    byte[] kept = NONE;
    int keptLength = 0;
    long length = 0;
    boolean sawAny = false;
    boolean terminated = false;
    byte last = 0;
    while (true) {
      if (position >= end && !fill()) {
        break;
      }
      int start = position;
      // lineBuffered() may have found it already: the buffer is scanned once.
      int newline = knownNewline >= start ? knownNewline : newlineFrom(start);
      knownNewline = -1;
      int count = newline - start;
      if (count > 0) {
        sawAny = true;
        last = buffer[newline - 1];
        // Keep what still fits under the limit (the line's own CR, if any, is trimmed below).
        long room = (long) limit + 1 - keptLength; // one byte more: a CR that turns out to end the line
        int take = (int) Math.min(count, Math.max(0, room));
        if (take > 0) {
          if (keptLength + take > kept.length) {
            kept = Arrays.copyOf(kept, Math.max(keptLength + take, Math.min(limit + 1, kept.length * 2)));
          }
          System.arraycopy(buffer, start, kept, keptLength, take);
          keptLength += take;
        }
        length += count;
      }
      if (newline < end) {
        position = newline + 1;
        terminated = true;
        break;
      }
      position = end;
    }
    if (!terminated && !sawAny) {
      return null;
    }
    // A CR right before the line feed (or the end of the stream) is the line break's, not the record's.
    if (last == '\r') {
      length--;
      if (keptLength > length) {
        keptLength = (int) length;
      }
    }
    number++;
    boolean oversized = length > limit;
    int size = Math.min(keptLength, limit);
    return new Line(number, size == kept.length ? kept : Arrays.copyOf(kept, size), oversized, length);
  }

  private boolean fill() throws IOException {
    if (ended) {
      return false;
    }
    knownNewline = -1;
    int read = in.read(buffer, 0, buffer.length);
    if (read < 0) {
      ended = true;
      position = 0;
      end = 0;
      return false;
    }
    position = 0;
    end = read;
    return true;
  }
}

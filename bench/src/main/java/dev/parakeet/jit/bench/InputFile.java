package dev.parakeet.jit.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark input file: one JitInput per line (NDJSON), gzip-compressed when its name ends in
 * {@code .gz}. The file is not part of the repository; its path is a benchmark parameter.
 */
final class InputFile {

  /** Where the shared benchmark input lies relative to the repository root. */
  static final String DEFAULT = "../shared/bench/inputs-50k.ndjson.gz";

  private InputFile() {}

  /** Every non-blank line of {@code path} as the bytes a caller would receive, at most {@code limit}. */
  static byte[][] documents(String path, int limit) {
    Path file = Path.of(path);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "no benchmark input at " + file.toAbsolutePath() + "; run from the repository root or pass -p inputs=PATH");
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        InputStream in = path.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      List<byte[]> lines = new ArrayList<>();
      ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
      int b;
      while ((b = in.read()) >= 0 && lines.size() < limit) {
        if (b == '\n') {
          add(lines, line);
        } else {
          line.write(b);
        }
      }
      add(lines, line);
      return lines.subList(0, Math.min(limit, lines.size())).toArray(new byte[0][]);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  private static void add(List<byte[]> lines, ByteArrayOutputStream line) {
    byte[] bytes = line.toByteArray();
    line.reset();
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\r') {
      end--;
    }
    if (!new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      lines.add(end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end));
    }
  }
}

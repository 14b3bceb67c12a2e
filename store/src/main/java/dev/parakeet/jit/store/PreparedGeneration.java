package dev.parakeet.jit.store;

import dev.parakeet.jit.wire.JitJson;
import java.util.Objects;

/**
 * A {@link GenerationToStore} already turned into the column values the store writes (its
 * documents serialised and encoded as UTF-8): made on any thread — the workers of a batch, in
 * parallel — so that the one thread that adds to a {@link SessionBatch} and its writer thread do
 * not serialise anything.
 */
public final class PreparedGeneration {

  private final GenerationToStore generation;
  private final SessionSql.Write write;

  private PreparedGeneration(GenerationToStore generation, SessionSql.Write write) {
    this.generation = generation;
    this.write = write;
  }

  /** Serialises {@code generation} on the calling thread. */
  public static PreparedGeneration of(GenerationToStore generation) {
    Objects.requireNonNull(generation, "generation");
    return of(generation, JitJson.write(generation.output()));
  }

  /**
   * As {@link #of(GenerationToStore)}, reusing the output's JSON the caller has already written
   * for printing: {@code outputJson} must be {@code JitJson.write(generation.output())}, the one
   * serialisation of an output, so what is stored is what was printed.
   */
  public static PreparedGeneration of(GenerationToStore generation, String outputJson) {
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(outputJson, "outputJson");
    return new PreparedGeneration(generation, SessionSql.Write.of(generation, outputJson));
  }

  /**
   * As {@link #of(GenerationToStore, String)}, with the output's JSON already encoded as UTF-8
   * (what a caller printing to a UTF-8 stream has made anyway): {@code outputJsonUtf8} must be the
   * UTF-8 of {@code JitJson.write(generation.output())}. Kept as it is, not copied: do not change it.
   */
  public static PreparedGeneration of(GenerationToStore generation, byte[] outputJsonUtf8) {
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(outputJsonUtf8, "outputJsonUtf8");
    return new PreparedGeneration(generation, SessionSql.Write.of(generation, outputJsonUtf8));
  }

  public GenerationToStore generation() {
    return generation;
  }

  SessionSql.Write write() {
    return write;
  }
}

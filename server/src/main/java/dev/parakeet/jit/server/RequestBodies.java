package dev.parakeet.jit.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Reads request bodies within the limits of SPEC §10.4: the right media type (415 otherwise), at
 * most 1 MiB (413 without reading the rest: a declared length over the limit is refused before
 * any byte is read, and the connection is closed), and within the body timeout (after it the
 * connection is closed, which ends the blocked read: a client that sends slowly cannot hold a
 * thread).
 */
final class RequestBodies {

  static final int MAX_BYTES = 1 << 20;

  private final Duration timeout;
  private final ScheduledExecutorService timer;

  RequestBodies(Duration timeout, ScheduledExecutorService timer) {
    this.timeout = timeout;
    this.timer = timer;
  }

  /** The whole body of a JSON request. */
  byte[] json(Context ctx) {
    requireMediaType(ctx, "application/json", "application/json");
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BYTES) {
      throw Problems.tooLarge(MAX_BYTES);
    }
    ScheduledFuture<?> deadline = abortAfterTimeout(ctx);
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        throw Problems.tooLarge(MAX_BYTES);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("the request body could not be read", e);
    } finally {
      deadline.cancel(false);
    }
  }

  /**
   * Checks the media type (parameters such as {@code charset=utf-8} allowed).
   *
   * @throws ApiProblem 415
   */
  static void requireMediaType(Context ctx, String mediaType, String description) {
    String contentType = ctx.header("Content-Type");
    String type =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!type.equals(mediaType)) {
      throw Problems.unsupportedMediaType(contentType, description);
    }
  }

  /** After the timeout, closes the connection: the read in progress fails and the thread is free. */
  ScheduledFuture<?> abortAfterTimeout(Context ctx) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    return timer.schedule(
        () -> request.getConnectionMetaData().getConnection().getEndPoint().close(),
        timeout.toMillis(),
        TimeUnit.MILLISECONDS);
  }
}
